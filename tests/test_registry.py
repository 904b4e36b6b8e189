"""The actor registry and date-aware resolution of mentions."""

from datetime import date

import pytest

from geopol.actors import Registry, load_registry_file
from geopol.errors import RegistryError
from geopol.text.mentions import MentionFinder


@pytest.fixture(scope="module")
def registry():
    return Registry.default()


@pytest.fixture(scope="module")
def finder(registry):
    return MentionFinder(registry)


def found(finder, text, day=date(2024, 11, 1)):
    return [(m.text, m.actor, m.person) for m in finder.find(text, day)]


def test_every_un_member_and_the_three_others(registry):
    states = [a for a in registry.actors() if a.kind == "state"]
    assert len(states) >= 196
    for code in ("TWN", "XKX", "PSE", "PRK", "KOR", "CHN", "USA", "RUS", "JPN", "UKR"):
        assert registry.actor(code).kind == "state"


@pytest.mark.parametrize("text, code", [
    ("Beijing", "CHN"), ("Pyongyang", "PRK"), ("Washington", "USA"), ("Moscow", "RUS"), ("Seoul", "KOR"),
    ("Tokyo", "JPN"), ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Chinese", "CHN"), ("North Korean", "PRK"),
    ("American", "USA"), ("U.S.", "USA"), ("US", "USA"), ("USA", "USA"), ("ROK", "KOR"), ("DPRK", "PRK"),
    ("PRC", "CHN"), ("UK", "GBR"), ("NATO", "NAT"), ("EU", "EEC"), ("ASEAN", "ASN"), ("IAEA", "IAE"),
    ("UN Security Council", "UNSC"), ("Taipei", "TWN"), ("Kosovo", "XKX"), ("Palestine", "PSE"),
])
def test_names_capitals_demonyms_abbreviations(registry, text, code):
    assert [a.code for a in registry.candidates(text)][:1] == [code]


@pytest.mark.parametrize("person, day, expected", [
    ("xi-jinping", date(2024, 10, 1), ("CHN", "GOV")),
    ("xi-jinping", date(2005, 1, 1), ("CHN", "ELI")),      # before any office: elite, still Chinese
    ("mao-zedong", date(1950, 1, 1), ("CHN", "GOV")),
    ("mao-zedong", date(2024, 1, 1), ("CHN", "ELI")),
    ("kim-il-sung", date(1970, 1, 1), ("PRK", "GOV")),
    ("kim-jong-un", date(2010, 1, 1), ("PRK", "ELI")),
    ("kim-jong-un", date(2024, 1, 1), ("PRK", "GOV")),
    ("zhao-leji", date(2024, 4, 1), ("CHN", "GOV")),
    ("dmitry-medvedev", date(2010, 1, 1), ("RUS", "GOV")),
    ("donald-trump", date(2019, 1, 1), ("USA", "GOV")),
    ("donald-trump", date(2023, 1, 1), ("USA", "ELI")),
    ("donald-trump", date(2025, 6, 1), ("USA", "GOV")),
    ("joe-biden", date(2024, 6, 1), ("USA", "GOV")),
    ("shigeru-ishiba", date(2025, 1, 1), ("JPN", "GOV")),
])
def test_office_holders_resolve_by_date(registry, person, day, expected):
    assert registry.affiliation(person, day) == expected


def test_office_holders_since_1945_from_data(registry):
    """Heads of the six Northeast Asia states at a few dates (Archigos / PLAD + supplement)."""
    for country, day in (("CHN", date(1960, 1, 1)), ("PRK", date(1980, 1, 1)), ("KOR", date(1985, 1, 1)),
                         ("JPN", date(1965, 1, 1)), ("RUS", date(1970, 1, 1)), ("USA", date(1950, 1, 1)),
                         ("KOR", date(2025, 8, 1)), ("JPN", date(2026, 1, 1))):
        holders = [a for a in registry.actors() if a.kind == "person"
                   and any(t.country == country and t.contains(day) and t.title == "Effective leader"
                           or t.country == country and t.contains(day) and t.title in ("President", "Prime Minister")
                           for t in a.tenures)]
        assert holders, (country, day)


def test_full_names_and_spelling_variants(finder):
    assert found(finder, "Kim Jong Un met Kim Il Sung's heirs.")[0][2] == "kim-jong-un"
    assert found(finder, "Kim Jong-Un spoke.")[0][2] == "kim-jong-un"
    assert found(finder, "Mao Tse-Tung declared the founding.")[0][2] == "mao-zedong"


def test_family_name_alone_needs_context(finder):
    # unambiguous on the day (one office holder of that name, not a common name): coded
    assert found(finder, "Putin spoke.")[0][1:] == ("RUSGOV", "vladimir-putin")
    assert found(finder, "Putin spoke.", day=date(1990, 1, 1)) == []     # nobody of that name in office then
    # a common family name alone is nobody in particular: the melon farmer is not Kim Jong-un
    assert found(finder, "A melon farmer called Kim sold his crop.", day=date(2016, 2, 1)) == []
    assert found(finder, "President Putin spoke.")[0][1:] == ("RUSGOV", "vladimir-putin")
    seq = found(finder, "Kim Il-sung and Kim Jong-un. Later Kim said.")
    assert seq[-1][2] == "kim-jong-un"                               # nearest full mention before it
    assert found(finder, "the Kim regime")[0][1:] == ("PRKGOV", "kim-jong-un")


def test_bare_role_is_not_coded_without_a_country(finder):
    assert found(finder, "The president said the military would respond.") == []
    assert found(finder, "The Chinese president and the Japanese military.") == [
        ("Chinese president", "CHNGOV", None), ("Japanese military", "JPNMIL", None)]


def test_coordination_possessive_sector_and_metonymy(finder):
    got = found(finder, "Beijing perceives the cooperation between South Korea, the U.S., and Japan as a threat.")
    assert [g[1] for g in got] == ["CHN", "KOR", "USA", "JPN"]
    got = found(finder, "North Korea's foreign minister met officials from Moscow and state media in China.")
    assert [g[1] for g in got] == ["PRKGOV", "RUSGOV", "CHNMED"]
    got = found(finder, "Sino-North Korean relations, not the Indo-Pacific.")
    assert [g[1] for g in got] == ["CHN", "PRK"]


def test_user_registry_files(tmp_path, registry):
    yaml_file = tmp_path / "mine.yaml"
    yaml_file.write_text("""
actors:
  - name: Eric Ballbach
    kind: person
    country: DEU
    role: EDU
    title: German Institute for International and Security Affairs
  - code: SWP
    name: German Institute for International and Security Affairs
    kind: group
    country: DEU
    aliases: [SWP]
  - name: Xi Jinping
    aliases: [Chairman Xi]
""")
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text("name,kind,country,role,start,end,aliases\n"
                        "Jane Roe,person,GBR,GOV,2030-01-01,,Roe of Kent\n")
    reg = registry.extended(load_registry_file(yaml_file) + load_registry_file(csv_file))
    f = MentionFinder(reg)
    got = [(m.text, m.actor, m.country, m.person)
           for m in f.find("Eric Ballbach of SWP said Chairman Xi and Jane Roe disagree.", date(2031, 1, 1))]
    assert got == [("Eric Ballbach", "DEUEDU", "DEU", "eric-ballbach"), ("SWP", "SWP", "DEU", None),
                   ("Chairman Xi", "CHNGOV", "CHN", "xi-jinping"), ("Jane Roe", "GBRGOV", "GBR", "jane-roe")]
    assert reg.affiliation("xi-jinping", date(2024, 1, 1)) == ("CHN", "GOV")  # tenures kept


@pytest.mark.parametrize("content, suffix, message", [
    ("actors:\n  - kind: person\n", ".yaml", "name"),
    ("actors:\n  - name: X\n    kind: planet\n", ".yaml", "kind"),
    ("actors: [unclosed\n", ".yaml", "not valid YAML"),
    ("name,start\nX,2024-99-01\n", ".csv", "start"),
    ("whatever", ".json", ".yaml, .yml or .csv"),
])
def test_bad_registry_files(tmp_path, content, suffix, message):
    path = tmp_path / f"bad{suffix}"
    path.write_text(content)
    with pytest.raises(RegistryError, match=message):
        load_registry_file(path)
