#!/usr/bin/env python3
"""Rebuilds crates/inclusion-territory/data/outlines.txt, the land outlines of France and of its
neighbours, from npm `world-atlas` 2.0.2 (Natural Earth 4.1.0, 1:10m admin-0 countries, public
domain; package ISC). Needs Python 3 and npm. See crates/inclusion-territory/data/README.md.

What it does:
1. `npm pack world-atlas@2.0.2` into a temporary folder and reads `countries-10m.json` (TopoJSON,
   quantized on a grid of 0.0036° of longitude by 0.0016886° of latitude);
2. decodes the rings of France (ISO 250), whose parts are assigned to metropolitan France (with
   Corse), Guadeloupe, Martinique, Guyane, La Réunion and Mayotte by the boxes below; of the
   overseas collectivities (Saint-Pierre-et-Miquelon 666, Saint-Barthélemy 652, Saint-Martin 663,
   Wallis-et-Futuna 876, Polynésie française 258, Nouvelle-Calédonie 540); and of the neighbours:
   those of metropolitan France (Belgium, Luxembourg, Germany, Switzerland, Italy, Monaco, Andorra,
   Spain, the United Kingdom, Jersey, Guernsey, and San Marino, a hole of Italy; the Vatican has
   no area at this scale) clipped to the box 10°W–16°E × 35°N–56°N, those of Guyane (Suriname, Brazil) clipped to
   58°W–49°W × 0°–8°N, and Sint Maarten;
3. writes one line per ring: `area polygon ring x y dx dy dx dy ...`, integers on the source
   grid, the first point absolute and the others relative to the previous one (ring 0 is the
   exterior ring of the polygon, the others its holes); the grid is on the `grid` line.
"""

import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "world-atlas@2.0.2"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crates",
                   "inclusion-territory", "data", "outlines.txt")

# Parts of France (ISO 250) by box: west, east, south, north.
FRANCE_PARTS = [
    ("FR", -5.5, 10.0, 41.0, 51.5),
    ("GP", -61.9, -60.9, 15.7, 16.6),
    ("MQ", -61.3, -60.7, 14.3, 15.0),
    ("GF", -54.7, -51.5, 2.0, 6.0),
    ("RE", 55.1, 56.0, -21.5, -20.7),
    ("YT", 44.9, 45.4, -13.1, -12.5),
]
COLLECTIVITIES = {"666": "PM", "652": "BL", "663": "MF", "876": "WF", "258": "PF", "540": "NC"}
METROPOLITAN_BOX = (-10.0, 16.0, 35.0, 56.0)
GUYANE_BOX = (-58.0, -49.0, 0.0, 8.0)
NEIGHBOURS = {
    "056": ("BE", METROPOLITAN_BOX), "442": ("LU", METROPOLITAN_BOX),
    "276": ("DE", METROPOLITAN_BOX), "756": ("CH", METROPOLITAN_BOX),
    "380": ("IT", METROPOLITAN_BOX), "492": ("MC", METROPOLITAN_BOX),
    "020": ("AD", METROPOLITAN_BOX), "724": ("ES", METROPOLITAN_BOX),
    "826": ("GB", METROPOLITAN_BOX), "832": ("JE", METROPOLITAN_BOX),
    "831": ("GG", METROPOLITAN_BOX), "674": ("SM", METROPOLITAN_BOX),
    "740": ("SR", GUYANE_BOX), "076": ("BR", GUYANE_BOX),
    "534": ("SX", None),
}


def fetch(work):
    subprocess.run(["npm", "pack", "--silent", PACKAGE], cwd=work, check=True,
                   stdout=subprocess.DEVNULL)
    tgz = os.path.join(work, "world-atlas-2.0.2.tgz")
    with tarfile.open(tgz) as t:
        raw = t.extractfile("package/countries-10m.json").read()
    return raw, hashlib.sha256(open(tgz, "rb").read()).hexdigest()


def decode(topo):
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x, y))
        arcs.append(pts)

    def ring(indexes):
        out = []
        for i in indexes:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts[1:] if out else pts)
        return out

    geometries = {}
    for g in topo["objects"]["countries"]["geometries"]:
        polys = {"Polygon": [g.get("arcs")], "MultiPolygon": g.get("arcs")}.get(g["type"], [])
        geometries[g.get("id")] = [[ring(r) for r in poly] for poly in polys]
    return geometries


def clip(ring, box):
    """Sutherland-Hodgman clipping of a closed ring against a box (grid units)."""
    x0, x1, y0, y1 = box
    edges = [
        (lambda p: p[0] >= x0, lambda a, b: (x0, a[1] + (b[1] - a[1]) * (x0 - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= x1, lambda a, b: (x1, a[1] + (b[1] - a[1]) * (x1 - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= y0, lambda a, b: (a[0] + (b[0] - a[0]) * (y0 - a[1]) / (b[1] - a[1]), y0)),
        (lambda p: p[1] <= y1, lambda a, b: (a[0] + (b[0] - a[0]) * (y1 - a[1]) / (b[1] - a[1]), y1)),
    ]
    pts = ring[:-1]
    for inside, cut in edges:
        if not pts:
            break
        out = []
        for i, cur in enumerate(pts):
            prev = pts[i - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(cut(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cut(prev, cur))
        pts = out
    pts = [(round(x), round(y)) for x, y in pts]
    dedup = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
    if len(dedup) >= 2 and dedup[0] == dedup[-1]:
        dedup.pop()
    if len(dedup) < 3:
        return None
    return dedup + [dedup[0]]


def main():
    with tempfile.TemporaryDirectory() as work:
        raw, tgz_sha = fetch(work)
    topo = json.loads(raw)
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    geometries = decode(topo)

    def grid_box(box):
        w, e, s, n = box
        return ((w - tx) / sx, (e - tx) / sx, (s - ty) / sy, (n - ty) / sy)

    areas = []  # (code, [polygon = [ring]])
    france = {code: [] for code, *_ in FRANCE_PARTS}
    for poly in geometries["250"]:
        lon = poly[0][0][0] * sx + tx
        lat = poly[0][0][1] * sy + ty
        code = next(c for c, w, e, s, n in FRANCE_PARTS if w <= lon <= e and s <= lat <= n)
        france[code].append(poly)
    areas.extend(france.items())
    for iso, code in COLLECTIVITIES.items():
        areas.append((code, geometries[iso]))
    for iso, (code, box) in NEIGHBOURS.items():
        polys = []
        for poly in geometries[iso]:
            if box is not None:
                poly = [clip(r, grid_box(box)) for r in poly]
                if poly[0] is None:
                    continue
                poly = [r for r in poly if r is not None]
            polys.append(poly)
        areas.append((code, polys))

    lines = [
        "# Land outlines of France, its overseas territories and its neighbours: Natural Earth",
        "# 4.1.0, 1:10m admin-0 countries (public domain), from npm world-atlas 2.0.2",
        f"# (countries-10m.json, tarball sha256 {tgz_sha}); built by scripts/territory_outlines.py.",
        "# Format: area polygon ring x y dx dy ...; degrees = translate + scale * grid.",
        f"grid {sx!r} {sy!r} {tx!r} {ty!r}",
    ]
    points = 0
    for code, polys in areas:
        for p, poly in enumerate(polys):
            for r, ring in enumerate(poly):
                nums = [ring[0][0], ring[0][1]]
                for a, b in zip(ring, ring[1:]):
                    nums += [b[0] - a[0], b[1] - a[1]]
                points += len(ring)
                lines.append(f"{code} {p} {r} " + " ".join(map(str, nums)))
    text = "\n".join(lines) + "\n"
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    digest = hashlib.sha256(text.encode()).hexdigest()
    print(f"{PACKAGE}: countries-10m.json sha256 {hashlib.sha256(raw).hexdigest()}")
    print(f"wrote {os.path.relpath(OUT)}: {len(areas)} areas, {points} points, "
          f"{len(text.encode())} bytes, sha256 {digest}")
    for code, polys in areas:
        print(f"  {code}: {len(polys)} polygons, {sum(len(r) for p in polys for r in p)} points")


if __name__ == "__main__":
    sys.exit(main())
