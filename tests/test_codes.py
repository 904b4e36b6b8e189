"""Code tables shipped in the package: CAMEO, PLOVER, quad classes, the country crosswalk."""

import pytest

from geopol import codes
from geopol.errors import InputError


def test_cameo_table_is_complete():
    table = codes.cameo_codes()
    assert len(table) == 311
    roots = {c.root for c in table.values()}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    assert codes.cameo("042").name == "Make a visit"
    assert codes.goldstein("190") == -10.0 and codes.goldstein("0874") == 10.0


@pytest.mark.parametrize("code, gdelt, icews, phoenix", [
    ("010", 1, 1, 0), ("036", 1, 1, 1), ("073", 2, 2, 2), ("090", 2, 3, 3),
    ("112", 3, 3, 3), ("141", 3, 4, 4), ("163", 4, 4, 4), ("200", 4, 4, 4),
])
def test_quad_class_conventions_disagree_where_documented(code, gdelt, icews, phoenix):
    assert codes.quad_class(code) == gdelt
    assert codes.quad_class(code, convention="icews") == icews
    assert codes.quad_class(code, convention="phoenix") == phoenix


def test_gdelt_quad_matches_gdelt_table():
    for c in codes.cameo_codes().values():
        assert codes.quad_class(c.code) == c.quad, c.code


def test_unknown_codes_are_clear_errors():
    with pytest.raises(InputError, match="unknown CAMEO"):
        codes.cameo("999")
    with pytest.raises(InputError, match="convention"):
        codes.quad_class("042", convention="acled")


def test_plover():
    types = codes.plover_types()
    assert len(types) == 16
    assert types["ASSAULT"].quad == "Material Conflict" and types["CONSULT"].quad == "Verbal Cooperation"
    assert codes.plover_for_cameo("042") == "CONSULT"
    assert codes.plover_for_cameo("0874") == "RETREAT"
    assert codes.plover_for_cameo("161") == "SANCTION"
    assert codes.plover_for_cameo("163") == "COERCE"  # CAMEO2PLOVER 2021: embargo and sanctions are COERCE restrict
    assert codes.plover_for_cameo("020") == "REQUEST"
    assert codes.plover_for_cameo("010") is None
    assert {m.mode for m in codes.plover_modes() if m.type == "CONSULT"} >= {"visit", "phone"}


def test_country_crosswalk():
    cs = codes.countries()
    assert sum(c.un_member for c in cs.values()) == 193
    assert {"TWN", "XKX", "PSE"} <= set(cs)
    prk = codes.country("PRK")
    assert (prk.cow, prk.cow_abbr, prk.fips, prk.icews_name) == (731, "PRK", "KN", "North Korea")
    assert codes.country("ROM").iso3 == "ROU"  # CAMEO's own code for Romania
    assert codes.country_by_cow(365).iso3 == "RUS"
    assert codes.country_by_fips("CH").iso3 == "CHN" and codes.country_by_fips("KS").iso3 == "KOR"
    assert codes.country_by_icews_name("Russian Federation").iso3 == "RUS"
    assert codes.country_by_icews_name("Occupied Palestinian Territory").iso3 == "PSE"
    assert codes.to_iso3("Korea, Democratic People's Republic of") == "PRK"
