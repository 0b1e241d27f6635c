"""Ways of telling an event found in wire copy, monitors' bulletins and local reporting (our own sentences)."""
import pytest

from tests.test_events import claims


@pytest.mark.parametrize("text,etype", [
    # a multi-word verb wins over the single verb inside it ("opened" alone would be an establishment)
    ("Gunmen on a motorcycle opened fire on a Hawks Brigade checkpoint in Tal Hamra.", "attack"),
    ("A drone was shot down near North Airport on Monday.", "attack"),
    ("The Hawks Brigade had raised the readiness of its formations in Lakeside to the maximum level.", "posture"),
    ("The Northern Army raised the alert level of its units in Eastern Province.", "posture"),
    # an event noun made an event by the passive that follows it
    ("A settlement agreement was reached in Wadi Town between the Hawks Brigade and the Northern Army.", "agreement"),
])
def test_phrasal_triggers(text, etype):
    assert [c.type for c in claims(text)] == [etype]
