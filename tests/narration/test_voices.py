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
