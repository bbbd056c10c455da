"""Step 4b of the suggestions: conditions, expectations, discourse and facts announce nothing."""

from tracker.imports.suggesting import modality


def test_conditions_and_expectations():
    assert modality.is_conditional("Indien nodig zou de regeling kunnen worden aangepast.")
    assert modality.is_expectation("Ik verwacht dat de sector dit oppikt")
    assert not modality.is_expectation("Eind mei verwacht het agentschap het rapport op te leveren.")


def test_discourse_about_the_answer_itself():
    assert modality.is_discourse("Ik zal eerst de context schetsen.")
    assert modality.is_discourse("Hieronder ga ik in op de cijfers.")
    assert modality.is_discourse("U zal begrijpen dat ik dat niet kan.")
    assert not modality.is_discourse("In die reactie zal worden ingegaan op de conclusies.")


def test_a_future_fact_is_no_action():
    assert modality.is_statement_of_fact("het effect pas op termijn meetbaar zijn.")
    assert modality.is_statement_of_fact("de toekomst uitwijzen.")
    assert not modality.is_statement_of_fact("de regeling aanpassen.")


def test_general_effort_continues_existing_policy():
    assert modality.is_general_effort("Ook zal ik mij blijven inzetten voor een goede samenwerking.")
    assert not modality.is_general_effort("Ik zal de ontwikkelingen nauwlettend blijven volgen.")


def test_continuing_what_is_done_already_is_general_effort_but_keeping_watch_is_not():
    assert modality.is_general_effort("We zullen blijven investeren in de kwaliteit van het onderwijs.")
    assert not modality.is_general_effort("We blijven de ontwikkelingen volgen.")


def test_a_sentence_that_opens_with_a_condition():
    assert modality.opens_with_condition("Als de overlast toeneemt, zal de gemeente handhaven.")
    assert modality.opens_with_condition("Waar de regels worden overtreden, zullen de inspecteurs optreden.")
    assert not modality.opens_with_condition("Zodra het advies er is, stuur ik het naar uw Kamer.")
    assert not modality.opens_with_condition("Als gevolg van de storm, zal de opening later zijn.")
    assert not modality.opens_with_condition("Waar het gaat om de subsidies, zal ik de regeling aanpassen.")


def test_a_reference_inside_a_noun_phrase_is_no_discourse():
    assert not modality.is_discourse("Binnenkort wordt uw Kamer geïnformeerd over het hierboven beschreven plan.")
    assert modality.is_discourse("Hieronder ga ik in op de vragen.")
