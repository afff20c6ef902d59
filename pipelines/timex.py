"""Time expressions resolved against an article's publication date, with their precision.

Nothing finer than what is known is invented: when the article is only known to its year,
"in September" gives September of that year (month precision), "on Monday" gives nothing.
"""

import re
from datetime import date, timedelta

MONTHS = {name: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for name in names}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_FINE = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}

_YEAR = re.compile(r"^(?:in |since |by )?(1[89]\d{2}|20\d{2})$")
_MONTH = re.compile(r"^(?:early |late |mid-|mid |earlier in |later in )?([a-z]+)\.?"
                    r"(?: (\d{1,2})(?:st|nd|rd|th)?)?(?:,? (1[89]\d{2}|20\d{2}))?$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?(?:,? (1[89]\d{2}|20\d{2}))?$")
_WEEKDAY = re.compile(r"^(?:on |last |this |early |late )?(" + "|".join(WEEKDAYS) + r")"
                      r"(?: (?:morning|afternoon|evening|night))?$")


def latest_publication(published: date | None, precision: str) -> date | None:
    """The last day an article may have been published on, given its date's precision: an
    article of "2005" may be from 31 December 2005."""
    if published is None or precision == "unknown":
        return None
    if precision == "day":
        return published
    if precision == "week":
        return published + timedelta(days=6)
    if precision == "month":
        following = (published.replace(day=28) + timedelta(days=4)).replace(day=1)
        return following - timedelta(days=1)
    return date(published.year, 12, 31)


def _finer_or_equal(precision: str, than: str) -> bool:
    return _FINE[precision] <= _FINE[than]


def _month_start(day: date) -> date:
    return day.replace(day=1)


def resolve(expression: str, published: date | None, precision: str) -> tuple[date, str] | None:
    """The date and precision an expression gives, or None when it gives nothing usable."""
    text = re.sub(r"\s+", " ", expression.lower().strip(" ,.")).removeprefix("the ")
    text = re.sub(r"^(in|on|during|since|from|until|by) ", "", text)
    if match := _YEAR.match(text):
        return date(int(match.group(1)), 1, 1), "year"
    month_match = _MONTH.match(text)
    if month_match and month_match.group(1) in MONTHS:
        month, day_text, year_text = MONTHS[month_match.group(1)], month_match.group(2), \
            month_match.group(3)
        return _month_day(month, day_text, year_text, published, precision)
    if (match := _DAY_MONTH.match(text)) and match.group(2) in MONTHS:
        return _month_day(MONTHS[match.group(2)], match.group(1), match.group(3), published,
                          precision)
    if published is None:
        return None
    known = precision
    if text in {"today", "tonight", "this morning", "this afternoon", "this evening"}:
        return (published, "day") if known == "day" else None
    if text in {"yesterday", "last night"}:
        return (published - timedelta(days=1), "day") if known == "day" else None
    if match := _WEEKDAY.match(text):
        if known != "day":
            return None
        back = (published.weekday() - WEEKDAYS.index(match.group(1))) % 7
        return published - timedelta(days=back), "day"
    if text in {"this week", "earlier this week", "later this week", "this past week"}:
        return (published - timedelta(days=published.weekday()), "week") if known == "day" else None
    if text in {"last week", "the previous week"}:
        if known != "day":
            return None
        return published - timedelta(days=published.weekday() + 7), "week"
    if text in {"this month", "earlier this month", "later this month"}:
        return (_month_start(published), "month") if _finer_or_equal(known, "month") else None
    if text in {"last month", "the previous month"}:
        if not _finer_or_equal(known, "month"):
            return None
        return _month_start(_month_start(published) - timedelta(days=1)), "month"
    if text in {"this year", "earlier this year", "later this year"}:
        return (date(published.year, 1, 1), "year") if known != "unknown" else None
    if text in {"last year", "the previous year"}:
        return (date(published.year - 1, 1, 1), "year") if known != "unknown" else None
    return None


def _month_day(month: int, day_text: str | None, year_text: str | None, published: date | None,
               precision: str) -> tuple[date, str] | None:
    if year_text:
        year = int(year_text)
    elif published is not None and precision != "unknown":
        year = published.year
        # A month later than a precisely known publication month is last year's.
        if _finer_or_equal(precision, "month") and month > published.month:
            year -= 1
    else:
        return None
    if day_text:
        try:
            return date(year, month, int(day_text)), "day"
        except ValueError:
            return None
    return date(year, month, 1), "month"
