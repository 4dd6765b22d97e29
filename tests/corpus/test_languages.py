"""Language detection of short and code-mixed questions (corpus.languages)."""

from __future__ import annotations

import pytest

from corpus.languages import SUPPORTED_LANGUAGES, Detection, detect_language


def test_the_six_supported_languages_english_first() -> None:
    assert SUPPORTED_LANGUAGES == ("en", "de", "fr", "es", "it", "pl")


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Which open calls fund cluster internationalisation?", "en"),
        ("Welche Förderaufrufe für KMU im Bereich Kreislaufwirtschaft sind gerade offen?", "de"),
        ("Je cherche des clusters partenaires au Danemark dans l'agroalimentaire", "fr"),
        ("¿Qué convocatorias abiertas hay para clústeres agroalimentarios?", "es"),
        ("Ci sono bandi aperti per le PMI nel settore tessile?", "it"),
        ("Jakie nabory są otwarte dla klastrów?", "pl"),
    ],
)
def test_whole_questions_in_each_language(question: str, lang: str) -> None:
    detection = detect_language(question)
    assert detection.lang == lang and detection.supported
    assert 0.4 <= detection.confidence <= 1.0


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Danke", "de"),
        ("gracias", "es"),
        ("grazie", "it"),
        ("dzięki", "pl"),
        ("und wann ist die Frist?", "de"),
        ("e quando scade?", "it"),
        ("A kiedy jest termin?", "pl"),
        ("and when is its deadline?", "en"),
        ("battery recycling calls", "en"),
    ],
)
def test_short_questions(question: str, lang: str) -> None:
    assert detect_language(question).lang == lang


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # The borrowed English words ("open calls", "cluster") do not make these English ...
        ("open calls für Wasserstoff", "de"),
        ("open calls sobre hidrógeno verde", "es"),
        ("open calls dla MŚP w sektorze spożywczym", "pl"),
        ("open calls pour l'hydrogène", "fr"),
        ("Ist der Call noch offen?", "de"),
        # ... and foreign place names do not make an English question foreign.
        ("agri-food clusters in Emilia-Romagna", "en"),
        ("Find cluster partners in Baden-Württemberg for a photonics project", "en"),
        ("calls for hydrogen in Bayern", "en"),
        ("semiconductor clusters in Austria", "en"),  # "semiconductor" is Spanish too
        ("Is SMP-COSME-2026-TOURSME-01 still open?", "en"),  # identifiers tell nothing
    ],
)
def test_code_mixed_questions(question: str, lang: str) -> None:
    assert detect_language(question).lang == lang


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # German capitalises nouns: they tell the language once the place names are set aside.
        ("Cluster der Lebensmittelwirtschaft in Italien", "de"),
        ("Agrar- und Lebensmittelcluster in Osteuropa", "de"),
        # A country named as only some of the six write it tells which of them it is ...
        ("Clusters de la chimie en Pologne", "fr"),
        ("Cluster digitali in Ungheria", "it"),
        ("Cluster del turismo in Spagna", "it"),
        ("Clusters biotech en Espagne", "fr"),  # only French writes Spain so: French, however few words
        # ... and that no outside language is meant, however sure the trigrams are of one.
        ("Clústeres de la industria química en Polonia", "es"),
        ("Clústeres de composites y plásticos en Alemania", "es"),
        # The same for the whole text: "Clústeres de fotónica en" alone reads Portuguese.
        ("Clústeres de fotónica en Francia", "es"),
        # An English name of the country keeps an English question English.
        ("Find cluster partners in Austria for a photonics project", "en"),
    ],
)
def test_partner_searches_name_places_in_the_askers_language(question: str, lang: str) -> None:
    assert detect_language(question).lang == lang


@pytest.mark.parametrize("text", ["", "   ", "ok", "?!", "42", "[1]", "🙂"])
def test_no_words_means_english_with_no_confidence(text: str) -> None:
    assert detect_language(text) == Detection("en", 0.0, True)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Quais convocatórias estão abertas para clusters?", "pt"),
        ("Welke oproepen zijn open voor clusterorganisaties?", "nl"),
        ("Vilka utlysningar är öppna för kluster?", "sv"),
        ("Ποιες προσκλήσεις είναι ανοιχτές για συστάδες;", "el"),
    ],
)
def test_languages_outside_the_six_are_named_and_not_supported(question: str, lang: str) -> None:
    detection = detect_language(question)
    assert detection.lang == lang and not detection.supported and detection.confidence >= 0.9


def test_unsure_short_text_is_english() -> None:
    # A programme name alone could be several languages; unsure means English, the corpus's language.
    detection = detect_language("Horizon Europe")
    assert detection.lang == "en" and detection.supported


def test_warm_up_builds_the_detectors_once_for_every_thread() -> None:
    from corpus import languages

    thread = languages.start_warm_up()
    # A question asked while the detectors are being built waits for them instead of building its own.
    assert languages.detect_language("Welche Aufrufe sind offen?").lang == "de"
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert languages._answer_detector.cache_info().misses == 1
    assert languages._outside_detector.cache_info().misses == 1


def test_identifiers_and_numbers_say_nothing_about_the_language() -> None:
    from corpus.languages import detect_language

    assert detect_language("hi, when's the deadline for cef_t_2026_simobgen_newtech_works? thx").lang == "en"
    assert detect_language("Ile naborów HORIZON-CL5-2026-D3-01 jest otwartych?").lang == "pl"


@pytest.mark.parametrize(
    "question", ["open calls on hydrogen", "open calls for hydrogen", "calls about hydrogen"]
)
def test_borrowed_words_and_an_english_function_word_are_english(question: str) -> None:
    # With "open calls" set aside, "on hydrogen" alone reads as German (0.47); "on" says English.
    assert detect_language(question).lang == "en"
    assert detect_language("open calls für Wasserstoff").lang == "de"  # a sure other language still wins
