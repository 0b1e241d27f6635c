"""The knowledge base of actors, outlets and people: breadth, consistency, lookup and hierarchy."""
from sitrep.kb.actors import alias_key, descendants, load_kb, resolve


def test_breadth():
    kb = load_kb()
    assert len(kb.actors) >= 200
    assert len(kb.outlets) >= 60


def test_data_is_consistent():
    assert load_kb().check() == []


def test_transliteration_variants_share_a_key():
    assert alias_key("Hizzbullah") == alias_key("Hezbollah") == alias_key("Hizbullah")
    assert alias_key("Fifth Legion") == alias_key("5th Legion")
    assert alias_key("Kata'eb Hezbollah") == alias_key("Kataib Hezbollah")
    assert alias_key("Unit 400") != alias_key("Unit 4400")


def test_lookup_by_alias():
    kb = load_kb()
    assert kb.actor("Lebanese Hizzbullah").name == "Hezbollah"
    assert kb.actor("Iraqi Hizbullah Brigades").name == "Kata'ib Hezbollah"
    assert kb.actor("Liwa' Al-Quds").name == "Liwa al-Quds"
    assert kb.actor("Quds Force").name != kb.actor("Liwa al-Quds").name
    assert kb.actor("Al-Quds Brigades").name == "Saraya al-Quds"
    assert kb.outlet("Euphrates Eye").name == "Eye of the Euphrates"
    assert resolve("PMU") == "Popular Mobilization Forces"
    assert resolve("nothing of the sort") is None


def test_hierarchy():
    irgc = descendants("IRGC")
    assert irgc[0] == "Islamic Revolutionary Guard Corps"
    assert "Sayyidah Zaynab Regiment" in irgc and "Quds Force" in irgc
    assert "Kata'ib Hezbollah" in descendants("Popular Mobilization Forces")
    assert "Sasa 220 Branch" in descendants("Syrian Arab Army")
    kb = load_kb()
    assert kb.ancestors("Sasa 220 Branch") == ["Military Intelligence Directorate (Syria)", "Syrian Arab Army"]


def test_outlets_are_not_actors():
    kb = load_kb()
    for o in kb.outlets.values():
        if o.kind != "statement":
            assert kb.actor(o.name) is None or o.name in ("Horan Free League",), o.name
