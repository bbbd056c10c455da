"""Sample records shown around the real seed document, so every list has something to show.

They are invented: the people are fictional, every subject starts with "[Voorbeeld]" and every
answer ends with a line saying it is an example. Dates written as offsets (days before or after the
day the demo is loaded) keep the "due soon" and "needs follow-up" lists filled whenever it is loaded.
"""

import datetime
from dataclasses import dataclass, field

EXAMPLE_NOTE = "(Voorbeeldrecord voor de demonstratie: geen echt parlementair document.)"


@dataclass(frozen=True)
class Update:
    status: str
    observed: datetime.date | int  # a date, or days relative to the loading day (negative: before)
    note: str = ""
    evidence_url: str = ""
    internal_note: bool = False  # a staff remark: kept off the public site (other notes are public)


@dataclass(frozen=True)
class Promise:
    quote: str
    title: str
    kind: str
    deadline: datetime.date | int | None = None
    # The answer's words for a stated deadline (its date read from them when `deadline` is None);
    # empty for a deadline set by staff, or for the default horizon when `deadline` is None too.
    wording: str = ""
    target_group: str = ""
    history: tuple[Update, ...] = ()
    handover_to: tuple[str, str] = ()  # (minister, office) who took the portfolio over, in 2020 or later
    internal: bool = False  # kept internal (not published), so that both can be seen in the demo


@dataclass(frozen=True)
class Sample:
    number: int
    asked_on: datetime.date | int
    answered_after_days: int
    asker: str
    minister: str
    office: str
    subject: str
    question: str
    answer: str
    themes: tuple[str, ...] = ()
    promises: tuple[Promise, ...] = field(default_factory=tuple)


D = datetime.date
WELZIJN = "Vlaams minister van Welzijn, Volksgezondheid en Gezin"
MOBILITEIT_2014 = "Vlaams minister van Mobiliteit en Openbare Werken"
MOBILITEIT_2019 = "Vlaams minister van Mobiliteit en Openbare Werken, Verkeersveiligheid"
ONDERWIJS = "Vlaams minister van Onderwijs"
WONEN = "Vlaams minister van Wonen en Armoedebestrijding"
ECONOMIE = "Vlaams minister van Economie, Innovatie en Werk"
OMGEVING = "Vlaams minister van Omgeving, Natuur en Landbouw"
CULTUUR = "Vlaams minister van Cultuur, Media en Jeugd"

SAMPLES = [
    Sample(
        312,
        D(2016, 3, 2),
        27,
        "Sarah Vermeulen",
        "Ruth Claeysens",
        WELZIJN,
        "[Voorbeeld] Evaluatie van het woonzorgdecreet",
        "Het woonzorgdecreet is sinds 2009 van kracht.\n\n1. Plant de minister een evaluatie?\n2. Wanneer mogen we de resultaten verwachten?",
        "1. Het decreet werd in 2013 al gedeeltelijk aangepast. Ik zal tegen eind 2016 een evaluatie van het woonzorgdecreet laten uitvoeren.\n\n2. De resultaten worden aan het Vlaams Parlement bezorgd.",
        ("Welzijn",),
        (
            Promise(
                "Ik zal tegen eind 2016 een evaluatie van het woonzorgdecreet laten uitvoeren.",
                "Evaluatie van het woonzorgdecreet",
                "study",
                D(2016, 12, 31),
                "tegen eind 2016",
                "ouderen en zorgvragers",
                (
                    Update("in_progress", D(2016, 9, 14), "Studieopdracht gegund aan een universitair consortium."),
                    Update(
                        "fulfilled",
                        D(2017, 2, 20),
                        "Evaluatierapport bezorgd aan de commissie Welzijn.",
                        "https://example.org/voorbeeld/evaluatie-woonzorgdecreet",
                    ),
                ),
            ),
        ),
    ),
    Sample(
        88,
        D(2016, 11, 8),
        30,
        "Pieter Baert",
        "Ruth Claeysens",
        WELZIJN,
        "[Voorbeeld] Ondersteuning van mantelzorgers",
        "Mantelzorgers dragen een zware last.\n\n1. Welke initiatieven neemt de minister?",
        "1. Samen met de sector zetten we reeds in op respijtzorg. Ik wil in het voorjaar van 2017 een projectoproep lanceren voor lokale mantelzorgnetwerken.",
        ("Welzijn",),
        (
            Promise(
                "Ik wil in het voorjaar van 2017 een projectoproep lanceren voor lokale mantelzorgnetwerken.",
                "Projectoproep lokale mantelzorgnetwerken",
                "project_call",
                D(2017, 6, 20),
                "in het voorjaar van 2017",
                "mantelzorgers",
                (
                    Update(
                        "fulfilled",
                        D(2017, 5, 22),
                        "Oproep gepubliceerd; 14 projecten geselecteerd.",
                        "https://example.org/voorbeeld/projectoproep-mantelzorg",
                    ),
                ),
            ),
        ),
    ),
    Sample(
        145,
        D(2017, 1, 16),
        24,
        "Ine Mertens",
        "Dirk Vanhoutte",
        MOBILITEIT_2014,
        "[Voorbeeld] Hervorming van de basisbereikbaarheid",
        "De hervorming van het openbaar vervoer loopt vertraging op.\n\n1. Wanneer wordt het besluit aangepast?",
        "1. Het besluit over de basisbereikbaarheid zal tegen eind 2018 worden aangepast. De vervoerregio's werden intussen afgebakend.",
        ("Mobiliteit",),
        (
            Promise(
                "Het besluit over de basisbereikbaarheid zal tegen eind 2018 worden aangepast.",
                "Aanpassing van het besluit basisbereikbaarheid",
                "legislation",
                D(2018, 12, 31),
                "tegen eind 2018",
                "reizigers openbaar vervoer",
                (
                    Update("delayed", D(2018, 11, 5), "Advies van de Raad van State laat op zich wachten.", internal_note=True),
                    Update("in_progress", D(2021, 3, 1), "Opgenomen door de opvolger; ontwerpbesluit in tweede lezing."),
                    Update(
                        "partially_fulfilled",
                        D(2022, 3, 15),
                        "Besluit aangepast, maar zonder de beloofde vervoersgarantie.",
                        "https://example.org/voorbeeld/besluit-basisbereikbaarheid",
                    ),
                ),
                handover_to=("Lotte Desmedt", MOBILITEIT_2019),
            ),
        ),
    ),
    Sample(
        402,
        D(2018, 2, 6),
        21,
        "Jonas Lenaerts",
        "Dirk Vanhoutte",
        MOBILITEIT_2014,
        "[Voorbeeld] Investeringen in fietssnelwegen",
        "Het fietssnelwegennet vordert traag.\n\n1. Welke middelen trekt de minister uit?",
        "1. We zullen 20 miljoen euro vrijmaken voor de aanleg van fietssnelwegen.",
        ("Mobiliteit",),
        (
            Promise(
                "We zullen 20 miljoen euro vrijmaken voor de aanleg van fietssnelwegen.",
                "20 miljoen euro voor fietssnelwegen",
                "funding",
                None,
                "",
                "fietsers",
                (
                    Update(
                        "not_fulfilled",
                        D(2019, 6, 20),
                        "Begrotingsaanpassing 2019 bevat slechts 6 miljoen euro.",
                        "https://example.org/voorbeeld/begroting-2019",
                    ),
                ),
            ),
        ),
    ),
    Sample(
        17,
        D(2018, 10, 3),
        26,
        "Fatma Yilmaz",
        "Ruth Claeysens",
        WELZIJN,
        "[Voorbeeld] Kwaliteit in de kinderopvang",
        "Na incidenten in de kinderopvang is er ongerustheid.\n\n1. Plant de minister een wijziging van de regelgeving?",
        "1. Ik zal het decreet op de kinderopvang wijzigen om de inspectie te versterken.",
        ("Gezin",),
        (
            Promise(
                "Ik zal het decreet op de kinderopvang wijzigen om de inspectie te versterken.",
                "Decreetswijziging kinderopvang: sterkere inspectie",
                "legislation",
                None,
                "",
                "ouders en kinderen",
                (Update("lapsed", D(2019, 11, 12), "De nieuwe regering nam het voorstel niet over in het regeerakkoord."),),
            ),
        ),
    ),
    Sample(
        230,
        D(2018, 3, 12),
        20,
        "Sarah Vermeulen",
        "Ruth Claeysens",
        WELZIJN,
        "[Voorbeeld] Erkenning van dagcentra",
        "Er zijn lange wachtlijsten voor dagcentra.\n\n1. Komen er bijkomende erkenningen?",
        "1. Ik plan geen bijkomende erkenningen voor dagcentra. De bestaande capaciteit wordt beter benut.",
        ("Welzijn",),
        (
            Promise(
                "Ik plan geen bijkomende erkenningen voor dagcentra.",
                "Geen bijkomende erkenningen voor dagcentra",
                "refusal",
                history=(Update("position_maintained", D(2019, 3, 4), "Bevestigd in de commissie Welzijn."),),
            ),
        ),
    ),
    Sample(
        55,
        D(2019, 11, 18),
        23,
        "Pieter Baert",
        "Lotte Desmedt",
        MOBILITEIT_2019,
        "[Voorbeeld] Actieplan verkeersveiligheid",
        "Het aantal verkeersdoden daalt niet meer.\n\n1. Komt er een nieuw actieplan?",
        "1. Tegen de zomer van 2020 zal ik een actieplan verkeersveiligheid voorstellen.",
        ("Mobiliteit", "Verkeersveiligheid"),
        (
            Promise(
                "Tegen de zomer van 2020 zal ik een actieplan verkeersveiligheid voorstellen.",
                "Actieplan verkeersveiligheid",
                "action",
                D(2020, 6, 21),
                "Tegen de zomer van 2020",
                "weggebruikers",
                (
                    Update(
                        "fulfilled",
                        D(2020, 7, 3),
                        "Actieplan goedgekeurd door de Vlaamse Regering.",
                        "https://example.org/voorbeeld/actieplan-verkeersveiligheid",
                    ),
                ),
            ),
        ),
    ),
    Sample(
        310,
        D(2020, 10, 5),
        28,
        "Ine Mertens",
        "Wim Verstraeten",
        ONDERWIJS,
        "[Voorbeeld] Lerarentekort",
        "Scholen vinden geen leraren meer.\n\n1. Welke maatregelen neemt de minister?",
        "1. Ik zal binnen zes maanden een conceptnota over het lerarentekort indienen.",
        ("Onderwijs",),
        (
            Promise(
                "Ik zal binnen zes maanden een conceptnota over het lerarentekort indienen.",
                "Conceptnota lerarentekort",
                "action",
                D(2021, 5, 2),
                "binnen zes maanden",
                "leraren en scholen",
                (
                    Update("delayed", D(2021, 5, 20), "Nota uitgesteld tot na het sociaal overleg.", internal_note=True),
                    Update(
                        "fulfilled",
                        D(2021, 9, 10),
                        "Conceptnota ingediend bij het Vlaams Parlement.",
                        "https://example.org/voorbeeld/conceptnota-lerarentekort",
                    ),
                ),
            ),
        ),
    ),
    Sample(
        122,
        D(2021, 12, 1),
        25,
        "Jonas Lenaerts",
        "Wim Verstraeten",
        ONDERWIJS,
        "[Voorbeeld] Werkingsmiddelen basisonderwijs",
        "De werkingsmiddelen volgen de kosten niet.\n\n1. Komt er een verhoging?",
        "1. We gaan de werkingsmiddelen voor het basisonderwijs in 2023 met 5 procent verhogen.",
        ("Onderwijs",),
        (
            Promise(
                "We gaan de werkingsmiddelen voor het basisonderwijs in 2023 met 5 procent verhogen.",
                "Werkingsmiddelen basisonderwijs +5 procent",
                "funding",
                D(2023, 12, 31),
                "in 2023",
                "basisscholen",
                (Update("in_progress", D(2023, 2, 14), "Eerste schijf van 2 procent toegekend."),),
            ),
        ),
    ),
    Sample(
        401,
        D(2022, 3, 9),
        27,
        "Fatma Yilmaz",
        "Lotte Desmedt",
        MOBILITEIT_2019,
        "[Voorbeeld] Studie tramverbinding",
        "Er wordt al lang gesproken over een nieuwe tramlijn.\n\n1. Hoe ver staat de studie?",
        "1. Ik wil de studie naar de tramverbinding in het najaar van 2023 afronden.",
        ("Mobiliteit",),
        (
            Promise(
                "Ik wil de studie naar de tramverbinding in het najaar van 2023 afronden.",
                "Studie tramverbinding afronden",
                "study",
                D(2023, 12, 20),
                "in het najaar van 2023",
                "pendelaars",
                internal=True,
            ),
        ),
    ),
    Sample(
        77,
        D(2023, 10, 11),
        24,
        "Sarah Vermeulen",
        "Wim Verstraeten",
        ONDERWIJS,
        "[Voorbeeld] Leerlingenbegeleiding",
        "Het decreet leerlingenbegeleiding is vijf jaar oud.\n\n1. Komt er een evaluatie?",
        "1. Ik zal het decreet over leerlingenbegeleiding evalueren.",
        ("Onderwijs",),
        (
            Promise(
                "Ik zal het decreet over leerlingenbegeleiding evalueren.",
                "Evaluatie decreet leerlingenbegeleiding",
                "study",
                None,
                "",
                "leerlingen",
                internal=True,
            ),
        ),
    ),
    Sample(
        19,
        D(2019, 12, 4),
        22,
        "Jonas Lenaerts",
        "Lotte Desmedt",
        MOBILITEIT_2019,
        "[Voorbeeld] Tolvignet",
        "Sommige partijen pleiten voor een tolvignet.\n\n1. Voert de minister een vignet in?",
        "1. Ik ben niet van plan om een tolvignet in te voeren.",
        ("Mobiliteit",),
        (
            Promise(
                "Ik ben niet van plan om een tolvignet in te voeren.",
                "Geen tolvignet",
                "refusal",
                history=(
                    Update("position_maintained", D(2022, 1, 20), "Herhaald in de plenaire vergadering."),
                    Update(
                        "position_changed",
                        D(2024, 3, 5),
                        "Kilometerheffing voor vrachtwagens uitgebreid.",
                        "https://example.org/voorbeeld/kilometerheffing",
                    ),
                ),
            ),
        ),
    ),
    Sample(
        45,
        D(2024, 11, 6),
        26,
        "Pieter Baert",
        "Nadia El Morabit",
        WONEN,
        "[Voorbeeld] Nieuw actieplan armoedebestrijding",
        "Het vorige actieplan liep af in 2024.\n\n1. Komt er een nieuw plan?",
        "1. Ik zal tegen eind 2025 een nieuw actieplan armoedebestrijding voorleggen. Het middenveld werd al bevraagd.",
        ("Armoedebestrijding",),
        (
            Promise(
                "Ik zal tegen eind 2025 een nieuw actieplan armoedebestrijding voorleggen.",
                "Nieuw Vlaams actieplan armoedebestrijding",
                "action",
                D(2025, 12, 31),
                "tegen eind 2025",
                "mensen in armoede",
                (
                    Update("in_progress", D(2025, 6, 18), "Ontwerp besproken met het Netwerk tegen Armoede."),
                    Update("delayed", -45, "Goedkeuring uitgesteld tot na de begrotingsopmaak."),
                ),
            ),
        ),
    ),
    # The measures of the action plan above (a programme and its parts, linked by the loader), and
    # the plan itself promised again and recorded twice by mistake (merged by the loader).
    Sample(
        118,
        D(2025, 3, 4),
        24,
        "Fatma Yilmaz",
        "Nadia El Morabit",
        WONEN,
        "[Voorbeeld] Maatregelen van het actieplan armoedebestrijding",
        "Het middenveld vraagt concrete maatregelen.\n\n1. Welke maatregelen bevat het nieuwe actieplan?\n2. Wanneer wordt het plan voorgelegd?",
        "1. Het plan bevat onder meer vier maatregelen. Ik zal de schooltoeslag tegen september 2025 automatisch toekennen. "
        "We breiden de buddywerkingen tegen eind 2026 uit naar alle centrumsteden. "
        "Ik zal de huurpremie in 2025 verhogen voor gezinnen met kinderen. "
        "We starten in 2026 een proefproject rond energiearmoede in vijf gemeenten.\n\n"
        "2. Ik zal het nieuwe actieplan armoedebestrijding tegen eind 2025 aan het Vlaams Parlement voorleggen.",
        ("Armoedebestrijding",),
        (
            Promise(
                "Ik zal de schooltoeslag tegen september 2025 automatisch toekennen.",
                "Automatische toekenning van de schooltoeslag",
                "action",
                D(2025, 9, 1),
                "tegen september 2025",
                "gezinnen met kinderen",
                (Update("fulfilled", D(2025, 9, 3), "Eerste automatische uitbetalingen gebeurd."),),
            ),
            Promise(
                "We breiden de buddywerkingen tegen eind 2026 uit naar alle centrumsteden.",
                "Buddywerkingen in alle centrumsteden",
                "action",
                D(2026, 12, 31),
                "tegen eind 2026",
                "mensen in armoede",
                (Update("in_progress", D(2025, 11, 20), "Acht van de dertien centrumsteden gestart."),),
            ),
            Promise(
                "Ik zal de huurpremie in 2025 verhogen voor gezinnen met kinderen.",
                "Hogere huurpremie voor gezinnen met kinderen",
                "funding",
                D(2025, 12, 31),
                "in 2025",
                "huurders met kinderen",
                (Update("partially_fulfilled", D(2026, 1, 12), "Verhoogd, maar minder dan aangekondigd."),),
            ),
            Promise(
                "We starten in 2026 een proefproject rond energiearmoede in vijf gemeenten.",
                "Proefproject energiearmoede",
                "project_call",
                D(2026, 12, 31),
                "in 2026",
                "gezinnen in energiearmoede",
            ),
            Promise(
                "Ik zal het nieuwe actieplan armoedebestrijding tegen eind 2025 aan het Vlaams Parlement voorleggen.",
                "Actieplan armoedebestrijding voorleggen aan het Parlement",
                "action",
                D(2025, 12, 31),
                "tegen eind 2025",
                "mensen in armoede",
            ),
        ),
    ),
    Sample(
        112,
        D(2025, 1, 15),
        21,
        "Ine Mertens",
        "Karel Dehaene",
        ECONOMIE,
        "[Voorbeeld] Innovatieoproep voor kmo's",
        "Kmo's vinden moeilijk de weg naar innovatiesteun.\n\n1. Plant de minister nieuwe oproepen?",
        "1. We gaan in de eerste helft van 2026 een nieuwe innovatieoproep lanceren voor kmo's.",
        ("Economie",),
        (
            Promise(
                "We gaan in de eerste helft van 2026 een nieuwe innovatieoproep lanceren voor kmo's.",
                "Innovatieoproep voor kmo's",
                "project_call",
                D(2026, 6, 30),
                "in de eerste helft van 2026",
                "kmo's",
                (
                    Update(
                        "fulfilled",
                        D(2026, 5, 11),
                        "Oproep geopend; 3 miljoen euro beschikbaar.",
                        "https://example.org/voorbeeld/innovatieoproep",
                    ),
                ),
            ),
        ),
    ),
    Sample(
        230,
        -90,
        30,
        "Fatma Yilmaz",
        "Nadia El Morabit",
        WONEN,
        "[Voorbeeld] Uitbreiding van de huurpremie",
        "Veel huurders op de wachtlijst krijgen geen huurpremie.\n\n1. Breidt de minister de huurpremie uit?",
        "1. Ik wil de huurpremie uitbreiden naar alle huurders die vier jaar op de wachtlijst staan.",
        ("Wonen",),
        (
            Promise(
                "Ik wil de huurpremie uitbreiden naar alle huurders die vier jaar op de wachtlijst staan.",
                "Uitbreiding huurpremie",
                "funding",
                12,
                "",
                "huurders op de wachtlijst",
                (Update("in_progress", -20, "Ontwerpbesluit bij de Inspectie van Financiën."),),
            ),
        ),
    ),
    Sample(
        301,
        -75,
        25,
        "Jonas Lenaerts",
        "Karel Dehaene",
        ECONOMIE,
        "[Voorbeeld] Evaluatie van de kmo-portefeuille",
        "De kmo-portefeuille wordt weinig gebruikt.\n\n1. Wordt de regeling geëvalueerd?",
        "1. De evaluatie van de kmo-portefeuille zal binnenkort worden opgestart.",
        ("Economie",),
        (
            Promise(
                "De evaluatie van de kmo-portefeuille zal binnenkort worden opgestart.",
                "Evaluatie kmo-portefeuille",
                "study",
                25,
                "",
                "kmo's",
            ),
        ),
    ),
    Sample(
        15,
        -60,
        22,
        "Sarah Vermeulen",
        "Nadia El Morabit",
        WONEN,
        "[Voorbeeld] Studentenhuisvesting",
        "Studenten vinden geen betaalbare kamer.\n\n1. Komt er een aparte regeling?",
        "1. Ik plan geen aparte regeling voor studentenhuisvesting. Studenten kunnen een beroep doen op de bestaande huurpremie.",
        ("Wonen",),
        (
            Promise(
                "Ik plan geen aparte regeling voor studentenhuisvesting.", "Geen aparte regeling studentenhuisvesting", "refusal"
            ),
        ),
    ),
    Sample(
        58,
        D(2024, 12, 9),
        30,
        "Pieter Baert",
        "Karel Dehaene",
        ECONOMIE,
        "[Voorbeeld] Startersubsidies",
        "Starters klagen over de complexe subsidieregeling.\n\n1. Wordt de regeling vereenvoudigd?",
        "1. Ik zal de subsidieregeling voor starters in het voorjaar van 2025 herzien.",
        ("Economie",),
        (
            Promise(
                "Ik zal de subsidieregeling voor starters in het voorjaar van 2025 herzien.",
                "Herziening subsidieregeling starters",
                "funding",
                D(2025, 6, 20),
                "in het voorjaar van 2025",
                "starters",
            ),
        ),
    ),
    Sample(
        210,
        -40,
        20,
        "Ine Mertens",
        "Nadia El Morabit",
        WONEN,
        "[Voorbeeld] Wachtlijsten sociale huisvesting",
        "De wachtlijsten voor sociale woningen blijven groeien.\n\n1. Welk doel stelt de minister?\n2. Hoe wordt dit opgevolgd?",
        "1. We zullen de wachtlijsten voor sociale woningen tegen eind 2026 met 10 procent verminderen.\n\n2. De voortgang wordt jaarlijks gerapporteerd aan de commissie Wonen. Sinds 2020 werd het aanbod met 8.000 woningen uitgebreid.",
        ("Wonen",),
        (
            Promise(
                "We zullen de wachtlijsten voor sociale woningen tegen eind 2026 met 10 procent verminderen.",
                "Wachtlijsten sociale woningen -10 procent",
                "action",
                D(2026, 12, 31),
                "tegen eind 2026",
                "kandidaat-huurders",
            ),
        ),
    ),
    Sample(
        177,
        -115,
        14,
        "Fatma Yilmaz",
        "Karel Dehaene",
        ECONOMIE,
        "[Voorbeeld] Energieprijzen voor bedrijven",
        "Bedrijven betalen meer voor energie dan in de buurlanden.\n\n1. Laat de minister dit onderzoeken?",
        "1. Ik zal binnen drie maanden een rapport over de energieprijzen voor bedrijven bezorgen. Daarnaast zal ik de sectorfederaties samenroepen.",
        ("Economie", "Energie"),
        (
            Promise(
                "Ik zal binnen drie maanden een rapport over de energieprijzen voor bedrijven bezorgen.",
                "Rapport energieprijzen bedrijven",
                "study",
                None,
                "binnen drie maanden",
                "bedrijven",
            ),
        ),
    ),
    Sample(
        133,
        -30,
        18,
        "Sarah Vermeulen",
        "Wim Verstraeten",
        ONDERWIJS,
        "[Voorbeeld] Taalscreening in het secundair onderwijs",
        "Niet alle scholen screenen de taalvaardigheid van nieuwe leerlingen.\n\n1. Wordt dit verplicht?",
        "1. Tegen het schooljaar 2027-2028 zullen alle scholen een taalscreening organiseren. Ik wil daarnaast de lerarenopleiding bijsturen.",
        ("Onderwijs",),
        (),
    ),
    Sample(
        198,
        D(2017, 4, 19),
        29,
        "Pieter Baert",
        "Ruth Claeysens",
        WELZIJN,
        "[Voorbeeld] Jeugdhulp en wachttijden",
        "Jongeren wachten maanden op jeugdhulp.\n\n1. Hoe pakt de minister de wachttijden aan?\n2. Wordt de aanmeldingsprocedure onderzocht?",
        "1. Ik zal in de loop van 2017 vijftig bijkomende crisisplaatsen in de jeugdhulp openen.\n\n2. Ik wil de aanmeldingsprocedure laten doorlichten door een externe partner. De intersectorale toegangspoort werd in 2014 opgericht.",
        ("Welzijn", "Jeugd"),
        (
            Promise(
                "Ik zal in de loop van 2017 vijftig bijkomende crisisplaatsen in de jeugdhulp openen.",
                "Vijftig bijkomende crisisplaatsen jeugdhulp",
                "action",
                D(2017, 12, 31),
                "in de loop van 2017",
                "jongeren in crisis",
                (
                    Update("in_progress", D(2017, 9, 4), "Dertig plaatsen geopend in Antwerpen en Gent."),
                    Update(
                        "fulfilled",
                        D(2017, 12, 18),
                        "Alle vijftig plaatsen operationeel.",
                        "https://example.org/voorbeeld/crisisplaatsen-jeugdhulp",
                    ),
                ),
            ),
            Promise(
                "Ik wil de aanmeldingsprocedure laten doorlichten door een externe partner.",
                "Doorlichting aanmeldingsprocedure jeugdhulp",
                "study",
                None,
                "",
                "jongeren en gezinnen",
                (Update("lapsed", D(2019, 10, 2), "Niet meer opgenomen na de verkiezingen; geen doorlichting gestart."),),
            ),
        ),
    ),
    Sample(
        61,
        D(2015, 2, 10),
        31,
        "Ine Mertens",
        "Ruth Claeysens",
        WELZIJN,
        "[Voorbeeld] Decreet pleegzorg",
        "Pleegouders vragen een duidelijk statuut.\n\n1. Komt er een regeling?",
        "1. Ik zal voor het einde van 2016 een ontwerp van pleegzorgdecreet indienen bij het Vlaams Parlement.",
        ("Welzijn", "Gezin"),
        (
            Promise(
                "Ik zal voor het einde van 2016 een ontwerp van pleegzorgdecreet indienen bij het Vlaams Parlement.",
                "Ontwerp van pleegzorgdecreet",
                "legislation",
                D(2016, 12, 31),
                "voor het einde van 2016",
                "pleeggezinnen",
                (
                    Update(
                        "fulfilled",
                        D(2016, 11, 24),
                        "Ontwerp van decreet ingediend.",
                        "https://example.org/voorbeeld/pleegzorgdecreet",
                    ),
                ),
            ),
        ),
    ),
    Sample(
        233,
        D(2015, 9, 23),
        26,
        "Jonas Lenaerts",
        "Dirk Vanhoutte",
        MOBILITEIT_2014,
        "[Voorbeeld] Geluidsschermen langs snelwegen",
        "Omwonenden van de ring klagen over geluidsoverlast.\n\n1. Worden er geluidsschermen geplaatst?",
        "1. In 2016 zullen langs de ring vier kilometer geluidsschermen worden geplaatst.",
        ("Mobiliteit", "Omgeving"),
        (
            Promise(
                "In 2016 zullen langs de ring vier kilometer geluidsschermen worden geplaatst.",
                "Vier kilometer geluidsschermen langs de ring",
                "action",
                D(2016, 12, 31),
                "In 2016",
                "omwonenden",
                (
                    Update("delayed", D(2017, 1, 12), "Aanbesteding opnieuw uitgeschreven na een bezwaar."),
                    Update(
                        "fulfilled",
                        D(2017, 10, 30),
                        "Schermen geplaatst, tien maanden later dan beloofd.",
                        "https://example.org/voorbeeld/geluidsschermen",
                    ),
                ),
            ),
        ),
    ),
    Sample(
        88,
        D(2020, 2, 12),
        27,
        "Fatma Yilmaz",
        "Bart Wouters",
        OMGEVING,
        "[Voorbeeld] Stikstofdepositie rond natuurgebieden",
        "Boeren en natuurverenigingen wachten op duidelijkheid over stikstof.\n\n1. Wanneer komt er een regeling?",
        "1. Ik zal tegen eind 2020 een programmatische aanpak stikstof voorleggen aan de Vlaamse Regering.",
        ("Omgeving", "Landbouw"),
        (
            Promise(
                "Ik zal tegen eind 2020 een programmatische aanpak stikstof voorleggen aan de Vlaamse Regering.",
                "Programmatische aanpak stikstof",
                "legislation",
                D(2020, 12, 31),
                "tegen eind 2020",
                "landbouwers en natuurbeheerders",
                (
                    Update("delayed", D(2021, 1, 14), "Geen akkoord binnen de regering."),
                    Update("in_progress", D(2022, 3, 1), "Voorlopig akkoord; openbaar onderzoek gestart."),
                    Update(
                        "not_fulfilled",
                        D(2024, 5, 23),
                        "Legislatuur afgelopen zonder definitieve goedkeuring.",
                        "https://example.org/voorbeeld/stikstof",
                    ),
                ),
            ),
        ),
    ),
    Sample(
        264,
        D(2022, 5, 18),
        24,
        "Sarah Vermeulen",
        "Bart Wouters",
        OMGEVING,
        "[Voorbeeld] Droogte en waterbeheer",
        "De zomers worden droger.\n\n1. Komt er een studie naar waterbuffering?\n2. Welke steun krijgen landbouwers?",
        "1. Ik wil in het voorjaar van 2023 een studie naar waterbuffering in landbouwgebied laten afronden.\n\n2. Ik ben niet van plan om een aparte droogtepremie voor landbouwers in te voeren. De bestaande rampenregeling blijft van toepassing.",
        ("Omgeving", "Landbouw"),
        (
            Promise(
                "Ik wil in het voorjaar van 2023 een studie naar waterbuffering in landbouwgebied laten afronden.",
                "Studie waterbuffering landbouwgebied",
                "study",
                D(2023, 6, 20),
                "in het voorjaar van 2023",
                "landbouwers",
                (Update("in_progress", D(2023, 4, 3), "Eerste resultaten voorgesteld op de stuurgroep."),),
            ),
            Promise(
                "Ik ben niet van plan om een aparte droogtepremie voor landbouwers in te voeren.",
                "Geen aparte droogtepremie",
                "refusal",
                history=(Update("position_maintained", D(2023, 8, 29), "Herhaald na de droge zomer van 2023."),),
            ),
        ),
    ),
    Sample(
        12,
        D(2020, 1, 22),
        21,
        "Pieter Baert",
        "Wim Verstraeten",
        ONDERWIJS,
        "[Voorbeeld] Digitale middelen voor scholen",
        "Veel leerlingen hebben thuis geen laptop.\n\n1. Welke steun krijgen scholen?",
        "1. We zullen in 2020 een digisprong van 375 miljoen euro vrijmaken voor laptops en netwerken in scholen.",
        ("Onderwijs", "Digitalisering"),
        (
            Promise(
                "We zullen in 2020 een digisprong van 375 miljoen euro vrijmaken voor laptops en netwerken in scholen.",
                "Digisprong: 375 miljoen euro voor scholen",
                "funding",
                D(2020, 12, 31),
                "in 2020",
                "leerlingen en scholen",
                (
                    Update(
                        "fulfilled",
                        D(2020, 11, 27),
                        "Middelen opgenomen in de begroting 2021, eerste schijf uitbetaald.",
                        "https://example.org/voorbeeld/digisprong",
                    ),
                ),
            ),
        ),
    ),
    Sample(
        187,
        D(2021, 6, 2),
        28,
        "Ine Mertens",
        "Lotte Desmedt",
        MOBILITEIT_2019,
        "[Voorbeeld] Decreet verkeershandhaving",
        "Lokale besturen willen zelf snelheidsboetes kunnen innen.\n\n1. Komt er een decreet?",
        "1. Ik zal in het najaar van 2022 een decreet over gemeentelijke verkeershandhaving indienen.",
        ("Mobiliteit", "Verkeersveiligheid"),
        (
            Promise(
                "Ik zal in het najaar van 2022 een decreet over gemeentelijke verkeershandhaving indienen.",
                "Decreet gemeentelijke verkeershandhaving",
                "legislation",
                D(2022, 12, 20),
                "in het najaar van 2022",
                "lokale besturen",
                (
                    Update("in_progress", D(2022, 10, 6), "Voorontwerp principieel goedgekeurd."),
                    Update("delayed", D(2023, 2, 9), "Advies van de Gegevensbeschermingsautoriteit gevraagd."),
                ),
            ),
        ),
    ),
    Sample(
        96,
        D(2021, 3, 3),
        23,
        "Fatma Yilmaz",
        "Sofie Janssens",
        CULTUUR,
        "[Voorbeeld] Relanceplan voor de cultuursector",
        "Culturele organisaties zijn zwaar getroffen door de coronacrisis.\n\n1. Welke steun komt er?",
        "1. We gaan in het voorjaar van 2021 een projectoproep lanceren voor kleine cultuurhuizen.",
        ("Cultuur",),
        (
            Promise(
                "We gaan in het voorjaar van 2021 een projectoproep lanceren voor kleine cultuurhuizen.",
                "Projectoproep kleine cultuurhuizen",
                "project_call",
                D(2021, 6, 20),
                "in het voorjaar van 2021",
                "cultuurhuizen",
                (
                    Update(
                        "fulfilled",
                        D(2021, 5, 17),
                        "Oproep gelanceerd; 212 aanvragen ontvangen.",
                        "https://example.org/voorbeeld/relance-cultuur",
                    ),
                ),
            ),
        ),
    ),
    Sample(
        143,
        D(2022, 11, 16),
        30,
        "Jonas Lenaerts",
        "Sofie Janssens",
        CULTUUR,
        "[Voorbeeld] Jeugdwerkinfrastructuur",
        "Jeugdbewegingen hebben verouderde lokalen.\n\n1. Komt er een investeringsfonds?",
        "1. Ik zal 40 miljoen euro vrijmaken voor de renovatie van jeugdlokalen tegen eind 2023.",
        ("Jeugd",),
        (
            Promise(
                "Ik zal 40 miljoen euro vrijmaken voor de renovatie van jeugdlokalen tegen eind 2023.",
                "40 miljoen euro voor jeugdlokalen",
                "funding",
                D(2023, 12, 31),
                "tegen eind 2023",
                "jeugdbewegingen",
                (
                    Update(
                        "partially_fulfilled",
                        D(2024, 2, 8),
                        "25 miljoen euro toegekend; de rest verschoven naar 2025.",
                        "https://example.org/voorbeeld/jeugdlokalen",
                    ),
                ),
            ),
        ),
    ),
    Sample(
        39,
        D(2024, 1, 17),
        25,
        "Sarah Vermeulen",
        "Wim Verstraeten",
        ONDERWIJS,
        "[Voorbeeld] Gratis schoolmaaltijden",
        "Steeds meer kinderen komen zonder ontbijt naar school.\n\n1. Komen er gratis maaltijden?",
        "1. Ik zal tegen het schooljaar 2024-2025 een proefproject met gratis schoolmaaltijden in honderd scholen opstarten.",
        ("Onderwijs", "Armoedebestrijding"),
        (
            Promise(
                "Ik zal tegen het schooljaar 2024-2025 een proefproject met gratis schoolmaaltijden in honderd scholen opstarten.",
                "Proefproject gratis schoolmaaltijden",
                "action",
                D(2024, 9, 1),
                "tegen het schooljaar 2024-2025",
                "kinderen in armoede",
                (Update("not_fulfilled", D(2024, 10, 15), "Geen middelen voorzien; proefproject niet gestart."),),
            ),
        ),
    ),
    Sample(
        71,
        D(2025, 3, 5),
        26,
        "Ine Mertens",
        "Bart Wouters",
        OMGEVING,
        "[Voorbeeld] Bebossing",
        "Het bosareaal groeit nauwelijks.\n\n1. Wat is de doelstelling?",
        "1. Ik ben niet van plan om de bebossingsdoelstelling van 10.000 hectare te verlagen. We zullen tegen eind 2025 een nieuw bebossingsplan voorstellen.",
        ("Omgeving",),
        (
            Promise(
                "Ik ben niet van plan om de bebossingsdoelstelling van 10.000 hectare te verlagen.",
                "Bebossingsdoelstelling blijft 10.000 hectare",
                "refusal",
                history=(Update("position_maintained", D(2025, 11, 12), "Bevestigd in het antwoord op een actuele vraag."),),
            ),
            Promise(
                "We zullen tegen eind 2025 een nieuw bebossingsplan voorstellen.",
                "Nieuw bebossingsplan",
                "action",
                D(2025, 12, 31),
                "tegen eind 2025",
                "natuurbeheerders en gemeenten",
            ),
        ),
    ),
    Sample(
        205,
        -260,
        27,
        "Pieter Baert",
        "Sofie Janssens",
        CULTUUR,
        "[Voorbeeld] Bibliotheken in kleine gemeenten",
        "Kleine gemeenten sluiten bibliotheekfilialen.\n\n1. Grijpt de minister in?",
        "1. Ik zal een studie laten uitvoeren naar de spreiding van bibliotheekfilialen.",
        ("Cultuur",),
        (
            Promise(
                "Ik zal een studie laten uitvoeren naar de spreiding van bibliotheekfilialen.",
                "Studie spreiding bibliotheekfilialen",
                "study",
                -20,
                "",
                "inwoners van kleine gemeenten",
            ),
        ),
    ),
    Sample(
        118,
        -200,
        19,
        "Fatma Yilmaz",
        "Nadia El Morabit",
        WONEN,
        "[Voorbeeld] Renovatie van sociale woningen",
        "Veel sociale woningen zijn slecht geïsoleerd.\n\n1. Komt er een renovatieprogramma?",
        "1. Ik wil een projectoproep lanceren voor de energetische renovatie van sociale woningen.",
        ("Wonen", "Energie"),
        (
            Promise(
                "Ik wil een projectoproep lanceren voor de energetische renovatie van sociale woningen.",
                "Projectoproep renovatie sociale woningen",
                "project_call",
                20,
                "",
                "huurders van sociale woningen",
                (Update("in_progress", -150, "Oproeptekst in voorbereiding met de woonmaatschappijen."),),
            ),
        ),
    ),
    Sample(
        255,
        -140,
        21,
        "Sarah Vermeulen",
        "Karel Dehaene",
        ECONOMIE,
        "[Voorbeeld] Opleidingscheques",
        "Werknemers maken weinig gebruik van opleidingscheques.\n\n1. Wordt het stelsel aangepast?",
        "1. We gaan het stelsel van opleidingscheques binnen zes maanden hervormen.",
        ("Economie", "Werk"),
        (
            Promise(
                "We gaan het stelsel van opleidingscheques binnen zes maanden hervormen.",
                "Hervorming opleidingscheques",
                "legislation",
                None,
                "binnen zes maanden",
                "werknemers",
            ),
        ),
    ),
    # Looked after by the demo's editor (tracker/demo/loader.py): one promise fell due yesterday after
    # an update the day before, one falls due in a week, so the digest and the reminders have something
    # to say as soon as the demo is loaded.
    Sample(
        331,
        -40,
        20,
        "Pieter Baert",
        "Nadia El Morabit",
        WONEN,
        "[Voorbeeld] Sociale verhuurkantoren",
        "Sociale verhuurkantoren vinden te weinig woningen op de private huurmarkt.\n\n1. Past de minister de erkenningsregeling aan?\n2. Wordt de huurgarantie geëvalueerd?",
        "1. Ik zal de erkenningsregeling voor sociale verhuurkantoren aanpassen.\n\n2. Ik laat de huurgarantie voor verhuurders grondig evalueren.",
        ("Wonen",),
        (
            Promise(
                "Ik zal de erkenningsregeling voor sociale verhuurkantoren aanpassen.",
                "Aanpassing erkenningsregeling sociale verhuurkantoren",
                "legislation",
                -1,
                "",
                "sociale verhuurkantoren",
                (Update("in_progress", -2, "Ontwerpbesluit principieel goedgekeurd; advies van de Raad van State gevraagd."),),
            ),
            Promise(
                "Ik laat de huurgarantie voor verhuurders grondig evalueren.",
                "Evaluatie huurgarantie voor verhuurders",
                "study",
                7,
                "",
                "verhuurders",
            ),
        ),
    ),
    Sample(
        311,
        -12,
        9,
        "Jonas Lenaerts",
        "Sofie Janssens",
        CULTUUR,
        "[Voorbeeld] Steun voor lokale media",
        "Regionale omroepen hebben het financieel moeilijk.\n\n1. Komt er extra steun?",
        "1. Ik zal de regionale omroepen in 2027 een bijkomende werkingssubsidie toekennen. De samenwerking met de VRT werd vorig jaar versterkt.",
        ("Media",),
        (),
    ),
]


@dataclass(frozen=True)
class OpenQuestion:
    """A sample question the minister has not answered (yet)."""

    number: int
    asked_on: datetime.date | int
    asker: str
    minister: str
    office: str
    subject: str
    question: str


# Two past the legal term of twenty working days, one still within it: the late-answers list.
UNANSWERED = [
    OpenQuestion(
        264,
        -70,
        "Sarah Vermeulen",
        "Nadia El Morabit",
        WONEN,
        "[Voorbeeld] Wachtlijsten voor sociale huurwoningen in centrumsteden",
        "De wachtlijsten voor sociale huurwoningen blijven groeien.\n\n1. Hoeveel kandidaat-huurders staan er per centrumstad op de wachtlijst?\n2. Welke bijkomende maatregelen plant de minister?",
    ),
    OpenQuestion(
        319,
        -45,
        "Pieter Baert",
        "Karel Dehaene",
        ECONOMIE,
        "[Voorbeeld] Uitbetaling van de KMO-portefeuille",
        "Ondernemers melden vertraging bij de uitbetaling van de KMO-portefeuille.\n\n1. Wat is de gemiddelde doorlooptijd van een aanvraag?\n2. Hoe wil de minister de achterstand wegwerken?",
    ),
    OpenQuestion(
        327,
        -8,
        "Sarah Vermeulen",
        "Nadia El Morabit",
        WONEN,
        "[Voorbeeld] Energierenovatie van sociale woningen",
        "Het renovatieritme van het sociale woonpatrimonium ligt lager dan gepland.\n\n1. Hoeveel sociale woningen werden in 2026 energetisch gerenoveerd?",
    ),
]

# The seed's project call re-stated in two later answers (example records): the 2019 one is recorded as a
# re-statement (the deadline moves from the default horizon to "tegen eind 2019"), the 2020 one, by the
# successor in the portfolio, waits in the review queue with its match proposed.
ARMOEDE_2014 = (
    "viceminister-president van de Vlaamse Regering, Vlaams minister van Binnenlands Bestuur, Inburgering, Wonen, "
    "Gelijke Kansen en Armoedebestrijding"
)
ARMOEDE_2019 = "Vlaams minister van Welzijn, Volksgezondheid, Gezin en Armoedebestrijding"
RESTATING = [
    Sample(
        287,
        D(2019, 2, 12),
        24,
        "Sarah Vermeulen",
        "Liesbeth Homans",
        ARMOEDE_2014,
        "[Voorbeeld] Buddywerkingen voor mensen in armoede - Stand van zaken",
        "In haar antwoord op vraag nr. 551 van 29 juni 2018 kondigde de minister een projectoproep aan voor "
        "buddywerkingen.\n\n1. Werd de projectoproep al gelanceerd?\n2. Welk budget is voorzien?",
        "1. De voorbereiding van de projectoproep loopt nog. Ik wil tegen eind 2019 een projectoproep lanceren om "
        "projecten te ondersteunen die de sociale netwerken van mensen in armoede versterken.\n\n"
        "2. Over het budget is nog niet beslist.",
        ("Armoedebestrijding",),
    ),
    Sample(
        143,
        D(2020, 3, 3),
        27,
        "Ine Mertens",
        "Bart Willems",
        ARMOEDE_2019,
        "[Voorbeeld] Projectoproep buddywerkingen",
        "De vorige regering beloofde een projectoproep voor buddywerkingen.\n\n1. Komt die oproep er nog?\n"
        "2. Hoe lang lopen de projecten?",
        "1. Mijn voorganger kondigde een projectoproep voor buddywerkingen aan. Ik zal in de loop van 2020 een "
        "projectoproep lanceren om projecten te ondersteunen die de sociale netwerken van mensen in armoede "
        "versterken.\n\n2. De geselecteerde projecten lopen twee jaar.",
        ("Armoedebestrijding",),
    ),
]

# Programmes and their parts, by title: the action plan and its measures (one level deep).
PROGRAMMES = {
    "Nieuw Vlaams actieplan armoedebestrijding": (
        "Automatische toekenning van de schooltoeslag",
        "Buddywerkingen in alle centrumsteden",
        "Hogere huurpremie voor gezinnen met kinderen",
        "Proefproject energiearmoede",
    ),
}
# Duplicates merged into the commitment kept, by title: (kept, duplicate, reason).
DUPLICATES = (
    (
        "Nieuw Vlaams actieplan armoedebestrijding",
        "Actieplan armoedebestrijding voorleggen aan het Parlement",
        "Dezelfde belofte: het actieplan werd in vraag 118 opnieuw beloofd en per vergissing apart ingevoerd.",
    ),
)
