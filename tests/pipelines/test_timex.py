from datetime import date

import pytest

from pipelines.timex import resolve

DAY = (date(2023, 10, 19), "day")  # a Thursday
YEAR = (date(2023, 1, 1), "year")


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("in 1953", DAY, (date(1953, 1, 1), "year")),
    ("in July", DAY, (date(2023, 7, 1), "month")),
    ("in July", YEAR, (date(2023, 7, 1), "month")),  # month known, no day invented
    ("November", DAY, (date(2022, 11, 1), "month")),  # later than publication: last year
    ("Sept. 5", DAY, (date(2023, 9, 5), "day")),
    ("5 March 2021", DAY, (date(2021, 3, 5), "day")),
    ("on Monday", DAY, (date(2023, 10, 16), "day")),
    ("on Monday", YEAR, None),  # no day invented when only the year is known
    ("yesterday", DAY, (date(2023, 10, 18), "day")),
    ("this week", DAY, (date(2023, 10, 16), "week")),
    ("this week", YEAR, None),
    ("earlier this month", DAY, (date(2023, 10, 1), "month")),
    ("earlier this month", YEAR, None),
    ("last month", DAY, (date(2023, 9, 1), "month")),
    ("last year", YEAR, (date(2022, 1, 1), "year")),
    ("about a week", DAY, None),
    ("seven years", DAY, None),
])
def test_resolve(text, published, expected):
    assert resolve(text, *published) == expected


def test_the_last_day_an_article_may_have_been_published_on():
    from pipelines.timex import latest_publication

    assert latest_publication(date(2005, 1, 1), "year") == date(2005, 12, 31)
    assert latest_publication(date(2024, 2, 1), "month") == date(2024, 2, 29)
    assert latest_publication(date(2023, 12, 1), "month") == date(2023, 12, 31)
    assert latest_publication(date(2024, 3, 11), "week") == date(2024, 3, 17)
    assert latest_publication(date(2024, 3, 14), "day") == date(2024, 3, 14)
    assert latest_publication(None, "unknown") is None
