"""The benches' rough language guess that groups pages per language (bench/page_language.py)."""

from bench.page_language import guess_language


def test_a_pages_language_is_guessed_from_its_text():
    assert guess_language("The cat sat on the mat and the dog was in the garden with his "
                          "ball.") == "en"
    assert guess_language("Der Hund ist nicht mit der Katze auf dem Sofa und die Kinder "
                          "sind auch im Garten.") == "de"
    assert guess_language("O governo anunciou que a nova ponte será aberta em maio para os "
                          "carros e para as bicicletas.") == "pt"
    assert guess_language("Пожарные потушили склад на окраине города.") == "ru"
    assert guess_language("12345 67890") is None
