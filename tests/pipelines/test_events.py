"""The event coder on constructed sentences: one behaviour per test."""

from datetime import date

from pipelines.coding.article import code_article
from pipelines.extract import extract_article, parse_batch
from pipelines.ingest import ingest_record
from pipelines.seeds import SeedRecord


def _events(text: str, published: str = "2024-03-14"):
    record = SeedRecord("t1", "t1.json", "json", "c" * 64, encoding="utf-8",
                        fields={"id": "t1", "text": text, "published": published})
    result = ingest_record(record)
    _actors, _places, events = extract_article(result, parse_batch([result])["t1"])
    return events


def _triples(events):
    return {(tuple(sorted(a.actor_code for a in e.sources)), e.cameo_code,
             tuple(sorted(a.actor_code for a in e.targets))) for e in events}


def test_subject_verb_object_with_compound_targets():
    events = _events("France condemned Iran and Syria on Tuesday.")
    assert _triples(events) == {(("FRA",), "111", ("IRN", "SYR"))}
    assert (events[0].event_date, events[0].date_precision) == (date(2024, 3, 12), "day")


def test_object_refines_the_code():
    assert {e.cameo_code for e in _events("Egypt called for talks with Israel.")} == {"026"}
    assert {e.cameo_code for e in _events("Egypt called for aid from Israel.")} == {"023"}


def test_passive_without_agent_has_a_target_and_no_source():
    (event,) = _events("Sanctions were imposed on Venezuela last month.")
    assert event.cameo_code == "163"
    assert [a.actor_code for a in event.targets] == ["VEN"] and event.sources == []
    assert (event.event_date, event.date_precision) == (date(2024, 2, 1), "month")


def test_passive_agent_is_the_source():
    assert _triples(_events("Kenya was criticized by Uganda.")) == {(("UGA",), "111", ("KEN",))}


def test_negation_and_threat_are_flagged_not_facts():
    (negated,) = _events("Turkey did not attack Greece.")
    assert negated.is_negated and not negated.is_fact
    (threat,) = _events("Pakistan threatened to attack India.")
    assert (threat.cameo_code, threat.modality, threat.is_fact) == ("138", "threatened", False)


def test_visit_targets_the_country_of_the_place_and_is_placed_there():
    (visit,) = _events("Spanish Prime Minister Luis Ortega traveled to Lima in May.")
    assert [a.actor_code for a in visit.targets] == ["PER"]
    assert visit.place.place.name == "Lima"
    assert (visit.event_date, visit.date_precision) == (date(2023, 5, 1), "month")


def test_quoted_speaker_is_the_source():
    (event,) = _events("“We condemn this aggression against Armenia,” Iranian Foreign Minister "
                       "Ali Karimi said.")
    assert event.cameo_code == "1123"  # CAMEO.2.0.txt: CONDEMN ... AGGRESSION [1123]
    assert [a.actor_code for a in event.sources] == ["IRN"]
    assert [a.actor_code for a in event.targets] == ["ARM"]


def test_repeated_statement_is_one_event_with_two_mentions():
    text = ("Brazil praised Argentina for the agreement on trade.\n\n"
            "(Reuters) — Brazil praised Argentina for the agreement on trade.")
    (event,) = _events(text)
    assert event.mention_count == 2


def test_no_date_after_publication_when_only_the_year_is_known():
    events = _events("Chile condemned Bolivia in November.\n\n© 2021 Example News",
                     published="2021")
    assert events[0].event_date <= date(2021, 12, 31)
    assert events[0].date_precision == "month"


def test_a_plan_for_a_later_year_is_dated_when_it_is_reported():
    # A year the article cannot have been published in yet is when the plan is for, not when
    # the statement was made: the event keeps the publication date (and the row is valid).
    for published, precision in (("2005", "year"), ("2005-03-14", "day")):
        (event,) = _events("Russia will hold talks with China in 2006, the ministry said.",
                           published)
        assert event.cameo_code == "036"  # an intent to meet
        assert event.date_precision == precision
        assert event.event_date <= date(2005, 12, 31)
    (past,) = [e for e in _events("In 2003, Russia signed a treaty with China.", "2005")
               if e.cameo_code.startswith("05")]
    assert (past.event_date, past.date_precision) == (date(2003, 1, 1), "year")


def test_code_article_with_no_sentences_is_empty():
    assert code_article([], [], [], None, "unknown", {}) == []


def test_dictionary_verbs_code_only_with_their_object_word_and_both_sides():
    # CAMEO.2.0.txt files PRESENT with the object EVIDENCE as 1124 (accuse of war crimes);
    # the overlay has no "present"
    assert _triples(_events("Germany presented evidence against Serbia.")) == {
        (("DEU",), "1124", ("SRB",))}
    # the same verb with no object word of the dictionary is no event
    assert _events("Germany presented a film against Serbia.") == []
    # an object word but no target: one side is not enough for a dictionary verb
    assert _events("Germany presented evidence on Monday.") == []


def test_a_warning_is_a_threat_only_when_someone_is_warned():
    assert _triples(_events("Russia warned Georgia against joining the alliance.")) == {
        (("RUS",), "130", ("GEO",))}
    assert _events("Russia warned that grain prices may rise.") == []


def test_a_claim_that_force_was_used_is_an_accusation_or_a_claim_of_responsibility():
    # PETRARCH2's transformations: A claims (B attacked) -> A accuses B (112);
    # A claims (A attacked C) -> A claims responsibility (015)
    assert _triples(_events("Russia alleged that Ukrainian forces shelled Donetsk.")) == {
        (("RUS",), "112", ("UKRMIL",))}
    assert _triples(_events("Hamas claimed that its fighters attacked Israeli troops.")) == {
        (("PSEREBHMS",), "015", ("ISRMIL",))}
    # a report is no claim: the act itself is the event
    assert [e.cameo_code for e in _events("Police said gunmen killed five villagers.")] == ["190"]


def test_asking_a_question_is_no_appeal():
    assert _events("Reporters asked the Iraqi minister whether Iraq would veto the plan.") == []
    assert _events("Asked if Germany would send troops, the Polish minister said no.") == []
    assert _triples(_events("Iraq asked Jordan for aid.")) == {(("IRQ",), "023", ("JOR",))}


def test_meeting_a_target_or_a_demand_is_no_meeting():
    assert _events("Germany met the deadline for the reform.") == []
    assert _triples(_events("Germany met France in Paris.")) == {
        (("DEU",), "040", ("FRA",))}


def test_they_opening_what_a_speaker_said_is_the_speaker():
    assert _triples(_events("Syrian rebels said they had shelled Damascus.")) == {
        (("SYRREB",), "194", ("SYRGOV",))}
    # not in a speaker's complement: "they" stays unresolved
    assert _triples(_events("They had shelled Damascus, officials in Paris said.")) == {
        ((), "194", ("SYRGOV",))}


def test_a_declared_future_act_is_an_intent_or_a_threat():
    # CAMEO codes a stated intention to cooperate as 03x, to use force as 138
    aid = _events("Russia said it would send aid to Syria.")
    assert _triples(aid) == {(("RUS",), "033", ("SYR",))}
    assert (aid[0].modality, aid[0].is_fact) == ("intended", False)
    assert _triples(_events("Syrian rebels said they would attack Damascus.")) == {
        (("SYRREB",), "138", ("SYRGOV",))}


def test_the_subject_of_a_light_verb_does_the_event_noun():
    assert _triples(_events("Iran resumed talks with Germany.")) == {(("IRN",), "046", ("DEU",))}
    # ending talks is not holding them
    assert not any(e.cameo_code == "046" and e.sources
                   for e in _events("Serbia broke off talks with Albania."))


def test_the_subject_of_a_passive_governor_does_the_complement():
    assert _triples(_events("Germany is expected to criticise France at the summit.")) == {
        (("DEU",), "111", ("FRA",))}
    assert (("RUS",), "040", ("FRA",)) in _triples(
        _events("Russia was criticised by Germany and agreed to meet France."))


def test_welcoming_an_act_endorses_it_welcoming_an_actor_hosts_them():
    # CAMEO.2.0.txt files WELCOME under ACCLAIM [051]; hosting a visit is 043
    assert _triples(_events("Kashmiri politicians welcomed the move by India.")) == {
        (("---PTY",), "051", ("IND",))}
    assert _triples(_events("China welcomed the Russian president to Beijing.")) == {
        (("CHN",), "043", ("RUSGOV",))}


def test_the_doer_named_by_the_object_s_by_phrase_is_the_target():
    assert _triples(_events("The UN condemned the attack by Syrian rebels.")) == {
        (("IGOUNO",), "111", ("SYRREB",))}


def test_it_opening_a_sentence_is_the_previous_sentence_s_organization_subject():
    triples = _triples(_events("Russian oil firm Novaneft rejected the offer. "
                               "It accused the Kremlin of theft."))
    assert (("RUSBUS",), "112", ("RUSGOV",)) in triples
    # an expletive "it" points to nothing
    assert _triples(_events("Germany rejected the plan. It seems that rebels attacked France."
                            )) == {(("DEU",), "120", ()), (("---REB",), "190", ("FRA",))}


def test_a_relative_pronoun_subject_is_the_noun_it_relates_to():
    triples = _triples(_events("The comment was criticised by Hamas, which accused Israel of lying."))
    assert (("PSEREBHMS",), "112", ("ISR",)) in triples
    # the criticism's target is the comment (no actor), not the accusation's target
    assert (("PSEREBHMS",), "111", ("ISR",)) not in triples


def test_conjoined_passives_share_their_subject_and_a_bare_conjunct_s_agent():
    assert _triples(_events("Three Kenyan students were detained in June and released by "
                            "police on Monday.")) == {(("---COP",), "173", ("KENEDU",)),
                                                      (("---COP",), "0841", ("KENEDU",))}
    assert _triples(_events("Two Afghan soldiers were captured and killed by the Taliban.")) == {
        (("AFGREB",), "181", ("AFGMIL",)), (("AFGREB",), "190", ("AFGMIL",))}
    # a conjunct with its own auxiliary may have another doer: its agent is not shared
    assert (((), "181", ("AFGMIL",))) in _triples(_events(
        "Two Afghan soldiers were captured in May and were freed by the Taliban on Monday."))


def test_persons_and_organizations_known_by_name_take_part_without_a_code():
    (event,) = _events("Mr Pellworth accused the Federation of Small Traders of lying.")
    assert [(a.actor_type, a.actor_code) for a in event.sources] == [("person", "")]
    assert [(a.actor_id, a.actor_code) for a in event.targets] == [
        ("org:federation-of-small-traders", "")]
    assert event.cameo_code == "112"


def test_a_claim_of_responsibility_targets_whom_the_act_was_against():
    assert _triples(_events("The Taliban claimed responsibility for an attack on a hotel in "
                            "Kenya.")) == {(("AFGREB",), "015", ("KEN",))}


def test_visiting_or_investigating_a_place_targets_its_country():
    assert _triples(_events("UN inspectors will inspect the reactors in Iran.")) == {
        (("IGOUNO",), "090", ("IRN",))}
    assert _triples(_events("Mexico's president will attend a conference in Brazil.")) == {
        (("MEXGOV",), "044", ("BRA",))}
    assert _events("The minister examined the proposal.") == []  # no investigation


def test_a_name_in_a_hyphenated_modifier_is_no_actor():
    assert _triples(_events("US-backed rebels attacked the Syrian army.")) == {
        (("---REB",), "190", ("SYRMIL",))}


def test_a_criticism_s_target_is_not_taken_from_another_clause():
    assert _triples(_events("France condemned allegations by Rwanda, as Kigali said French "
                            "officials would be tried.")) == {(("FRA",), "111", ("RWA",))}


def test_he_or_she_points_back_to_one_titled_holder_not_to_a_plural():
    assert _triples(_events("The French foreign minister said he would meet Iran's envoy.")) \
        == {(("FRAGOV",), "036", ("IRNGOV",))}
    assert (("DEUGOV",), "111", ("FRA",)) in _triples(
        _events("Germany's chancellor arrived in Paris. He criticised France's budget."))
    # "Ministers" are several: "he" is none of them, and the criticism has no source.
    assert ((), "111", ("FRA",)) in _triples(
        _events("Ministers arrived in Paris. He criticised France's budget."))
    # The subject of the earlier sentence, not its object.
    assert (("RUSGOV",), "112", ("JPN",)) in _triples(_events(
        "Russia's ambassador met the Chinese envoy on Monday. She later accused Japan of lying."))


def test_a_sector_placed_by_its_own_phrase_is_that_places_countrys():
    """"police in Lagos": the Nigerian police, and so is the "they" that points back to them."""
    record = SeedRecord("t1", "t1.json", "json", "c" * 64, encoding="utf-8", fields={
        "id": "t1", "published": "2024-03-14",
        "text": "Police in Karachi fired tear gas at demonstrators. They arrested ten men."})
    result = ingest_record(record)
    actors, _places, events = extract_article(result, parse_batch([result])["t1"])
    police = next(m for m in actors if m.text == "Police")
    assert (police.actor.actor_code, police.resolution) == ("PAKCOP", "title_placed")
    assert {("PAKCOP",)} == {tuple(a.actor_code for a in e.sources) for e in events}


def test_a_place_elsewhere_in_the_clause_does_not_place_a_sector():
    # "in Lagos" places the protesters, not the police
    (arrest,) = _events("Police arrested dozens of protesters in Lagos.")
    assert [a.actor_code for a in arrest.sources] == ["---COP"]
    assert [a.actor_code for a in arrest.targets] == ["NGAOPP"]


def test_the_leaders_of_several_states_are_each_state_s_sector():
    assert _triples(_events("The finance ministers of Spain, Portugal and Greece criticised "
                            "Turkey.")) == {(("ESPGOV", "GRCGOV", "PRTGOV"), "111", ("TUR",))}
    # one state: its sector, not the sector and the state beside it
    assert _triples(_events("The generals of Chile praised Peru.")) == {
        (("CHLMIL",), "051", ("PER",))}


def test_where_a_meeting_is_held_is_not_whom_it_meets():
    events = _events("The envoys of Kenya and Uganda will meet at Harbourside Lodge.")
    assert _triples(events) == {(("KENGOV", "UGAGOV"), "040", ("KENGOV", "UGAGOV"))}
    assert _triples(_events("Kenya's president met the Ugandan envoy at Parkview Holdings.")) \
        == {(("KENGOV",), "040", ("UGAGOV",))}


def test_storming_and_ramming_are_force_and_protesters_storming_riot():
    assert _triples(_events("Soldiers stormed the rebel camp near Goma.")) == {
        (("---MIL",), "190", ("---REB",))}
    assert _triples(_events("Students stormed the Bangladeshi parliament.")) == {
        (("---EDU",), "145", ("BGDLEG",))}
    assert not _events("The minister stormed out of the cabinet meeting.")
    assert _triples(_events("A Russian warship rammed a Ukrainian tugboat.")) == {
        (("RUSMIL",), "190", ("UKR",))}


def test_whose_strike_a_harm_came_in_is_its_source_when_a_by_phrase_says():
    (event,) = _events("Six soldiers were killed in an ambush by Shabaab fighters near Kismayo.")
    assert [a.actor_code[3:6] for a in event.sources] == ["REB"]
    assert [a.actor_code for a in event.targets] == ["---MIL"]
