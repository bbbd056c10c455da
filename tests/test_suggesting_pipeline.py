"""Step 6 of the suggestions, the whole pipeline: which sentences of an answer are suggested as
commitments or refusals, and of which kind. Examples written for these tests; the measurement on
real answers is tests/test_suggestion_quality.py (the labelled corpus)."""

import datetime

import pytest

from tracker.imports.suggestions import classify, decide, suggest_commitments

MADE_ON = datetime.date(2018, 7, 20)

COMMITMENTS = [
    ("Ik zal een nieuw actieplan voorleggen.", "action"),
    ("Zal ik de regeling uitbreiden? Ja, ik zal dat doen.", None),  # a question and an answer in one line: split
    ("Daarom wil ik een projectoproep lanceren voor buurtprojecten.", "project_call"),
    ("We gaan de subsidies voor jeugdwerk verhogen.", "funding"),
    ("Gaan we de regeling evalueren? We gaan ze in 2019 evalueren.", None),
    ("De evaluatie van het decreet wordt in het najaar opgestart.", "study"),
    ("Ik plan een hervorming van het besluit over de huurpremie.", "legislation"),
    ("Het decreet zal tegen eind 2019 worden geëvalueerd.", "study"),
    ("Het uitvoeringsbesluit zal in het najaar worden aangepast.", "legislation"),
    ("Ik ben van plan om de sector samen te brengen.", "action"),
    ("Het is mijn bedoeling om de wachtlijsten weg te werken.", "action"),
    ("Er komt een nieuwe oproep voor innovatieve projecten.", "project_call"),
    ("De Vlaamse Regering zal 10 miljoen euro vrijmaken voor renovatie.", "funding"),
    ("Mijn administratie zal de cijfers jaarlijks publiceren.", "action"),
    ("Ik neem het initiatief om een rondetafel te organiseren.", "action"),
    ("De publicatie van het eindrapport is gepland in het najaar.", "study"),
    ("Een nieuwe oproep voor buurtprojecten volgt na de zomer.", "project_call"),
    ("Het besluit moet tegen 1 januari 2019 in werking treden.", "legislation"),
    ("Mijn diensten analyseren op dit moment de resultaten van de bevraging.", "study"),
    ("Momenteel wordt een voorstel van plan van aanpak uitgewerkt.", "other"),
    ("Ik ben daartoe zeker bereid.", "other"),
    ("Dat engagement neem ik graag op.", "other"),
    ("Ik zal de gemeenten vragen om een lokaal plan op te maken.", "action"),
    ("Ik heb het agentschap gevraagd om de wachttijden in kaart te brengen.", "study"),
    ("Uw Kamer wordt voor het zomerreces over de uitkomst geïnformeerd.", "other"),
    ("Dit najaar organiseren we een studiedag.", "study"),
]
REFUSALS = [
    "Ik plan geen specifieke acties naar 'nieuwe armen' toe.",
    "Ik ben niet van plan de normen te versoepelen.",
    "Het is niet de bedoeling om de premie uit te breiden.",
    "Ik zal geen extra erkenningen toekennen.",
    "Een aparte regeling voor deze groep acht ik niet nodig.",
    "Daar is in de begroting geen ruimte voor.",
    "Ik ben geen voorstander van een apart statuut voor mantelzorgers.",
    "Daar wil ik niet op vooruitlopen.",
    "Er zijn momenteel geen plannen voor een bijkomend loket.",
    "Ik zie geen reden om het besluit te wijzigen.",
    "Ik acht het niet opportuun een nieuwe studie te bestellen.",
    "De regering zal de proefperiode niet verlengen.",
]
NEITHER = [
    "Samen met mijn collega – ministers van de Vlaamse Regering zet ik reeds sterk in op acties die mensen in armoede opnieuw zelfredzaam maken.",
    "De studie werd in opdracht van de minister uitgevoerd.",
    "Voor meer informatie kan u terecht in het Vlaams Actieplan Armoedebestrijding.",
    "Ik zet in op een inclusieve aanpak van de armoedeproblematiek.",
    "Ik wil benadrukken dat de lokale besturen hier een sleutelrol spelen.",
    "Ik wil het geachte lid verwijzen naar mijn antwoord op vraag nr. 12.",
    "Plant de minister extra acties?",
    "In 2017 werden 200 projecten gesteund.",
    "Indien nodig zou de regeling kunnen worden aangepast.",
    "U zal begrijpen dat ik niet inga op individuele dossiers.",
    "Dit zal een positieve impact hebben op de werkgelegenheid.",
    "De projectoproep werd in 2017 al gelanceerd en wordt nu geëvalueerd door de administratie, die reeds een rapport opmaakte.",
    "Ik ga ervan uit dat de sector dit zelf oppikt.",
    # Someone else's future action.
    "Het Europees Parlement zal hierover in het voorjaar stemmen.",
    "De gemeenten zullen zelf een plan opmaken.",
    "De commissie zal haar advies in mei afleveren.",
    "De federale overheid zal de regels in de loop van volgend jaar aanpassen.",
    "Tegen 2027 zullen alle scholen een taalscreening organiseren.",
    # The past.
    "Op 12 maart jl. heb ik de sector ontvangen.",
    "In mei 2017 zijn we gestart met een proefproject in drie steden.",
    # Discourse about the answer, and facts in the future tense.
    "Ik zal eerst de context schetsen.",
    "Zoals verderop wordt uiteengezet, is de regeling ruim genoeg.",
    "Dat zal de toekomst uitwijzen.",
    "Het effect zal pas op termijn meetbaar zijn.",
    "Ik zal mij blijven inzetten voor een goede samenwerking met de steden.",
]


@pytest.mark.parametrize(("sentence", "kind"), [case for case in COMMITMENTS if case[1]], ids=lambda v: str(v)[:40])
def test_a_sentence_announcing_future_action_is_a_commitment_of_its_kind(sentence, kind):
    found = suggest_commitments(sentence, made_on=MADE_ON)
    assert [s.kind for s in found] == [kind], sentence


@pytest.mark.parametrize("sentence", REFUSALS, ids=lambda v: v[:40])
def test_an_explicit_no_is_a_refusal(sentence):
    assert classify(sentence) == "refusal"
    assert suggest_commitments(sentence, made_on=MADE_ON)[0].deadline is None


@pytest.mark.parametrize("sentence", NEITHER, ids=lambda v: v[:40])
def test_existing_policy_the_past_questions_and_courtesies_are_not_suggested(sentence):
    assert suggest_commitments(sentence, made_on=MADE_ON) == []


def test_a_question_followed_by_a_promise_in_the_same_line_suggests_only_the_promise():
    found = suggest_commitments("Zal ik de regeling uitbreiden? Ja, ik zal dat doen.", made_on=MADE_ON)
    assert [s.sentence for s in found] == ["Ja, ik zal dat doen."]


def test_a_sentence_elaborating_on_the_promise_before_it_is_not_a_new_promise():
    text = "Ik wil een projectoproep lanceren. De projectoproep zal zich op buddywerkingen toespitsen."
    assert [s.sentence for s in suggest_commitments(text, made_on=MADE_ON)] == ["Ik wil een projectoproep lanceren."]


def test_a_suggestion_points_into_the_answer_even_across_line_breaks():
    text = "Inleiding.\n\n2. Ik plan geen nieuwe acties. Wel zal ik de sector in het\nnajaar horen.[2 ]\n\nAntwoord 3\nNee."
    found = suggest_commitments(text, made_on=MADE_ON)
    assert [s.sentence for s in found] == ["Ik plan geen nieuwe acties.", "Wel zal ik de sector in het\nnajaar horen."]
    for suggestion in found:
        assert text[suggestion.start : suggestion.start + len(suggestion.sentence)] == suggestion.sentence
    assert found[1].deadline.date == datetime.date(2018, 12, 20)


def test_each_decision_says_why():
    assert (
        decide("De gemeenten zullen zelf een plan opmaken.", made_on=MADE_ON).reason == "no announcement of the minister's side"
    )
    assert (
        decide("Ik zal de sector horen over de nieuwe regels.", made_on=MADE_ON).reason == "future action of the minister's side"
    )


def test_a_date_marked_jl_is_never_a_deadline_of_a_promise_in_the_same_sentence():
    [suggestion] = suggest_commitments("Zoals ik op 12 maart jl. zei, zal ik de regeling evalueren.", made_on=MADE_ON)
    assert suggestion.deadline is None


def test_a_stated_deadline_travels_with_the_suggestion():
    [suggestion] = suggest_commitments("Ik zal het decreet tegen eind 2019 aanpassen.", made_on=MADE_ON)
    assert (suggestion.deadline.date, suggestion.deadline.wording) == (datetime.date(2019, 12, 31), "tegen eind 2019")
    assert suggestion.title == "Decreet aanpassen"


@pytest.mark.parametrize(
    "sentence",
    [
        "Ik kom hierop terug in de volgende voortgangsbrief.",
        "Uw Kamer wordt hierover geïnformeerd.",
        "Ik neem uw suggestie mee bij de uitwerking van het plan.",
        "Ik blijf de ontwikkelingen rond deze overname nauwlettend volgen.",
        "Het kabinet komt met een wetsvoorstel.",
        "Naar verwachting kan ik uw Kamer in het najaar informeren.",
        "De resultaten van het onderzoek worden eind dit jaar verwacht.",
        "Op dit moment loopt er een onderzoek van de inspectie.",
        "Er lopen momenteel gesprekken met de netbeheerders over een akkoord.",
        "De planning is om het wetsvoorstel in 2019 in te dienen.",
    ],
)
def test_promises_in_the_present_tense(sentence):
    assert classify(sentence, made_on=MADE_ON) == "commitment", sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Er zal in 2019 sprake zijn van een tekort.",
        "De gevolgen zullen pas later zichtbaar worden.",
        "Ik wil dat iedereen toegang heeft tot goede zorg.",
        "De NVWA voert controles uit bij slachthuizen.",
        "Het ministerie ontvangt jaarlijks circa 500 klachten.",
        "Ik ben in gesprek met de sector over de gevolgen.",
        "Daar wordt al aan gewerkt.",
        "Ik heb de sector om deze cijfers gevraagd.",
    ],
)
def test_facts_wishes_routine_and_contacts_without_an_outcome_are_not_promises(sentence):
    assert classify(sentence, made_on=MADE_ON) is None, sentence


def test_a_promise_made_before_and_restated_is_a_promise_and_taking_something_along_too():
    assert classify("Ik heb toegezegd uw Kamer voor de zomer te informeren.", made_on=MADE_ON) == "commitment"
    assert classify("Dit wordt meegenomen in de evaluatie van de regeling.", made_on=MADE_ON) == "commitment"


def test_a_state_of_the_government_now_is_no_work_under_way():
    assert classify("Het kabinet is momenteel demissionair.", made_on=MADE_ON) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "De regels moeten worden aangescherpt.",
        "Het festival kan worden georganiseerd onder lichtere regels.",
        "Momenteel wordt deze aanpak als veilig beschouwd.",
        "De vervoerder kijkt momenteel naar de cijfers en daarna worden de middelen verdeeld.",
    ],
)
def test_what_may_or_must_be_done_and_a_passive_view_are_no_promise(sentence):
    assert classify(sentence, made_on=MADE_ON) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "In de brief van vorige maand is aangegeven dat het kabinet uw Kamer na de zomer informeert.",
        "Ik heb eerder toegezegd dat ik de regeling zal evalueren.",
        "Op dit moment worden gesprekken gevoerd met de koepels.",
        "Zoals eerder toegezegd informeer ik de Kamer na de zomer.",
    ],
)
def test_a_reported_promise_work_under_way_in_the_passive_and_an_inverted_main_clause_are_commitments(sentence):
    assert classify(sentence, made_on=MADE_ON) == "commitment"


def test_declining_on_principle_after_an_opening_subordinate_clause_without_a_comma_is_a_refusal():
    assert classify("Zoals ik eerder heb uitgelegd kan ik geen uitspraken doen over lopende zaken.", made_on=MADE_ON) == "refusal"


@pytest.mark.parametrize(
    "sentence",
    [
        "Wel wil ik benoemen dat de auteur termen door elkaar gebruikt.",
        "Ik ga bij vraag 3 verder in op de herziening.",
        "De wachtrijen zullen naar verwachting verder toenemen.",
        "Elke aanvraag wordt door het bevoegd gezag getoetst.",
        "Op basis van die gegevens worden door de autoriteiten lijsten opgesteld.",
        "Ik stel het op prijs dat de naam op het monument staat.",
        "Met het programma zet ik in op sterke regio's.",
    ],
)
def test_remarks_expectations_habits_others_work_and_standing_efforts_are_no_promise(sentence):
    assert classify(sentence, made_on=MADE_ON) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Er volgt nog een rapportage over de resultaten.",
        "Een kabinetsreactie op het rapport volgt nog.",
        "Tenslotte wordt een uitkijkpunt gerealiseerd.",
        "Daarom is de uitvoerder gevraagd om een onderzoek naar de wachttijden te doen.",
        "Gelet op de situatie heeft het kabinet deze week besloten de steun ook te bieden aan nieuwe groepen.",
        "De handreiking is in ontwikkeling.",
        "Bij de herziening van de verordening zet Nederland in op een kortere termijn.",
        "Met andere lidstaten dringen we bij de Commissie aan op duidelijke regels.",
        "Ik pleit voor een stevige verankering in het mandaat.",
    ],
)
def test_things_to_come_requests_in_the_passive_and_positions_in_negotiations_are_commitments(sentence):
    assert classify(sentence, made_on=MADE_ON) == "commitment"


def test_the_deadline_of_the_main_clause_comes_before_one_in_a_subordinate_clause():
    text = "Dit jaar volgt de tweede tranche, zodat de woningen uiterlijk in 2030 geïsoleerd zijn."
    (found,) = suggest_commitments(text, made_on=MADE_ON)
    assert (found.deadline.wording, found.deadline.date) == ("Dit jaar", datetime.date(2018, 12, 31))


def test_positions_in_an_international_forum_are_commitments_a_standing_effort_is_not():
    assert classify("Het kabinet zet zich binnen de OESO in voor strengere regels.", made_on=MADE_ON) == "commitment"
    assert classify("Nederland zet zich in voor humanitaire hulp.", made_on=MADE_ON) is None


def test_a_refusal_reported_in_a_dat_clause_is_a_refusal():
    assert (
        decide("Dit betekent dat het kabinet geen reden ziet om het standpunt te herzien.", made_on=MADE_ON).verdict == "refusal"
    )
    assert classify("Ik zie daar op dit moment niet de noodzaak toe.", made_on=MADE_ON) == "refusal"


def test_talks_aimed_at_an_outcome_are_commitments_contacts_without_one_are_not():
    assert classify("Ik ben in gesprek met de koepels over welke verbeteringen mogelijk zijn.", made_on=MADE_ON) == "commitment"
    assert classify("Ik heb nauw contact met de verhuurders om een oplossing te vinden.", made_on=MADE_ON) == "commitment"
    assert classify("Ik ben in gesprek met de koepels.", made_on=MADE_ON) is None
    assert classify("Ik ben al in gesprek met de koepels om een oplossing te vinden.", made_on=MADE_ON) is None


def test_carrying_out_a_motion_is_a_commitment():
    assert classify("Ik voer de motie uit en tref voorbereidingen voor een nieuwe regeling.", made_on=MADE_ON) == "commitment"
    assert classify("Het kabinet geeft uitvoering aan de aanbevelingen van de commissie.", made_on=MADE_ON) == "commitment"


def test_taking_over_advice_and_a_result_by_a_date_to_come_are_commitments():
    assert classify("Het kabinet neemt de aanbevelingen van de commissie over.", made_on=MADE_ON) == "commitment"
    assert classify("Naar verwachting is het onderzoek in het najaar afgerond.", made_on=MADE_ON) == "commitment"
    assert classify("Het onderzoek is in 2017 afgerond.", made_on=MADE_ON) is None
    assert classify("Ik neem het voorstel niet over.", made_on=MADE_ON) == "refusal"
    assert classify("Ik heb niet het voornemen de regeling te verlengen.", made_on=MADE_ON) == "refusal"


def test_an_attribute_with_door_names_no_doer_and_not_running_a_risk_declines_nothing():
    sentence = "Op basis van de door Nederland gedeelde informatie worden door autoriteiten van Egypte lijsten opgesteld."
    assert classify(sentence, made_on=MADE_ON) is None
    assert classify("Nederland wil niet het risico lopen dat de richtlijn sneuvelt.", made_on=MADE_ON) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Het wetsvoorstel zal naar verwachting in het najaar in consultatie gaan.",
        "Dit wordt betrokken bij de evaluatie.",
        "Het kabinet beziet wat de beste manier is om te reageren op de recente ontwikkelingen.",
    ],
)
def test_a_bill_going_to_consultation_what_is_taken_into_account_and_a_plural_noun_after_is(sentence):
    assert classify(sentence, made_on=MADE_ON) == "commitment"


def test_leaving_a_decision_to_the_next_government_is_a_refusal():
    assert classify("Ik laat het aan het nieuwe kabinet om met voorstellen te komen.", made_on=MADE_ON) == "refusal"
    assert classify("Aanvullend beleid is op dit moment aan het volgende kabinet.", made_on=MADE_ON) == "refusal"


@pytest.mark.parametrize(
    "sentence",
    [
        "Via de beantwoording van deze vragen informeer ik u over de uitkomsten.",
        "In het wetsvoorstel streef ik naar een betere bescherming van huurders.",
        "Momenteel voer ik het gesprek met studenten en docenten.",
        "Ook werk ik actief samen met landen van herkomst op het gebied van handhaving.",
        "De voortgang wordt ook besproken tijdens bijeenkomsten, meest recent tijdens de afgelopen top.",
    ],
)
def test_informing_by_this_answer_aiming_at_a_goal_contacts_and_what_was_discussed_are_no_promise(sentence):
    assert classify(sentence, made_on=MADE_ON) is None


def test_striving_to_do_something_is_an_intent():
    assert classify("Ik streef ernaar het wetsvoorstel dit jaar in te dienen.", made_on=MADE_ON) == "commitment"


@pytest.mark.parametrize(
    "sentence",
    [
        "Ik ga dat niet doen.",
        "Daarom zie ik af van een nieuwe regeling.",
        "Een verbod acht ik niet proportioneel.",
        "Ik heb besloten de regeling niet te verlengen.",
    ],
)
def test_declining_with_dat_as_object_refraining_a_judgement_or_a_decision_not_to_act_are_refusals(sentence):
    assert classify(sentence, made_on=MADE_ON) == "refusal"


def test_wanting_to_be_able_to_or_to_keep_something_is_an_aim_not_an_act():
    assert classify("Daarom wil het kabinet de instroom beter kunnen beheersen.", made_on=MADE_ON) is None
    assert classify("De minister en ik willen de zorg toegankelijk houden voor iedereen.", made_on=MADE_ON) is None
    assert classify("Daarom wil ik een projectoproep lanceren voor buurtprojecten.", made_on=MADE_ON) == "commitment"


def test_an_intent_whose_infinitive_stands_before_a_phrase_put_after_it():
    assert classify("Daarnaast wil ik in het nieuwe programma ruimte maken voor een proef met deelauto's.", made_on=MADE_ON) == (
        "commitment"
    )
    assert classify("Ik wil graag een sterke band met het onderwijs.", made_on=MADE_ON) is None


def test_a_promise_only_under_the_condition_that_opens_the_sentence_is_none():
    assert classify("Als de vraag naar opvang stijgt, zullen er extra plaatsen worden geopend.", made_on=MADE_ON) is None
    assert classify("Zodra het rapport gereed is, zal ik het naar uw Kamer sturen.", made_on=MADE_ON) == "commitment"


def test_talks_aimed_at_an_outcome_with_the_partner_named_before_the_talks():
    assert classify("Ik ben met de vervoerders in gesprek om te komen tot een nieuwe verdeling.", made_on=MADE_ON) == "commitment"
    assert classify("Ik ben met de vervoerders in gesprek.", made_on=MADE_ON) is None


def test_assent_pointing_back_with_dat():
    assert classify("Ja, dat ben ik bereid.", made_on=MADE_ON) == "commitment"
