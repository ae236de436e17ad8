"""The data·inclusion quality score (`score_qualite`) of exported services.

Reads the JSON documents written by `convert --to data-inclusion` (an object with
`structures` and `services`), validates every structure and service with the official
pydantic models of the `data-inclusion-schema` package, and prints, per file, the mean of
the package's own `score_qualite.score` over the services, and the mean of each criterion.

    python score.py EXPORT.json [EXPORT.json ...]

Exit status 1 when a structure or service does not validate.
"""

import json
import statistics
import sys

from data_inclusion.schema.v1 import Service, Structure
from data_inclusion.schema.v1 import score_qualite


def score_file(path):
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    invalid = 0
    for record in document["structures"]:
        try:
            Structure.model_validate(record)
        except Exception as e:  # pydantic.ValidationError
            invalid += 1
            print(f"{path}: invalid structure {record.get('id')}: {e}", file=sys.stderr)
    scores, criteria = [], {}
    for record in document["services"]:
        try:
            service = Service.model_validate(record)
        except Exception as e:
            invalid += 1
            print(f"{path}: invalid service {record.get('id')}: {e}", file=sys.stderr)
            continue
        total, details = score_qualite.score(service)
        scores.append(total)
        for name, value in details.items():
            if value is not None:
                criteria.setdefault(name, []).append(value)
    return document, scores, criteria, invalid


def main(paths):
    failed = False
    everything = []
    for path in paths:
        document, scores, criteria, invalid = score_file(path)
        failed |= invalid > 0
        everything.extend(scores)
        sources = sorted({s["source"] for s in document["structures"]})
        mean = statistics.mean(scores) if scores else float("nan")
        print(
            f"{path}: {len(document['structures'])} structures ({len(sources)} sources), "
            f"{len(scores)} services, score_qualite mean {mean:.3f}, invalid {invalid}"
        )
        for name, values in sorted(criteria.items()):
            print(f"    {name:32} {statistics.mean(values):.3f} (applies to {len(values)})")
    if everything:
        print(
            f"all files: {len(everything)} services, "
            f"score_qualite mean {statistics.mean(everything):.3f}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
