from app.narration.voices import NARRATOR, PALETTE, UNATTRIBUTED, VOICES, assign_voices


def test_each_person_gets_a_different_voice_in_order():
    voices = assign_voices(["Ann Lee", "Bo Diaz", "Ann Lee"])
    assert list(voices) == ["Ann Lee", "Bo Diaz"]
    assert voices["Ann Lee"] == PALETTE[0]
    assert voices["Bo Diaz"] == PALETTE[1]


def test_operator_choice_is_kept_and_not_given_to_anyone_else():
    voices = assign_voices(["Ann Lee", "Bo Diaz"], {"Bo Diaz": PALETTE[0].key})
    assert voices["Bo Diaz"] == PALETTE[0]
    assert voices["Ann Lee"] != PALETTE[0]


def test_unknown_voice_choice_falls_back_to_the_palette():
    assert assign_voices(["Ann Lee"], {"Ann Lee": "no-such-voice"})["Ann Lee"] == PALETTE[0]


def test_narrator_and_unattributed_voices_are_not_in_the_palette():
    assert NARRATOR not in PALETTE and UNATTRIBUTED not in PALETTE
    assert len({v.settings()["espeak"] for v in VOICES.values()}) == len(VOICES)


def test_more_people_than_voices_reuse_the_palette_without_failing():
    names = [f"Person {i}" for i in range(len(PALETTE) + 3)]
    voices = assign_voices(names)
    assert len(voices) == len(names)


def test_the_voice_matches_what_the_text_says_of_each_person():
    voices = assign_voices(["Ann Lee", "Bo Diaz", "Cy Moss"],
                           genders={"Ann Lee": "m", "Bo Diaz": "m", "Cy Moss": "f"})
    assert [v.sex for v in voices.values()] == ["m", "m", "f"]
    assert len({v.key for v in voices.values()}) == 3


def test_unknown_people_alternate_with_their_neighbours():
    voices = assign_voices(["Ann Lee", "Bo Diaz", "Cy Moss"], genders={"Ann Lee": "m"})
    assert [v.sex for v in voices.values()] == ["m", "f", "m"]
    assert assign_voices(["Ann Lee"], genders={"Ann Lee": "f"})["Ann Lee"].sex == "f"


def test_every_palette_voice_has_a_sex_and_both_are_offered():
    assert {v.sex for v in PALETTE} == {"f", "m"}
