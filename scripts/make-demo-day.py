#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""One-off converter: the reference tool's digest of 2025-10-07 -> resources/demo/demo-day.json.

The app never reads the shared reference at run time; it reads only the JSON this script writes (committed
to the repository). Run it again only if the reference or the resource format changes:

    scripts/make-demo-day.py \
        --digest /work/shared/reference/seed-digest.txt \
        --listing /work/shared/data/days/2025-10-07.cs.LG+cs.AI.jsonl \
        --out resources/demo/demo-day.json

What comes from where:
  * titles, authors, abstracts, the LLM's comments, relevance, novelty, the order, the token table, the
    counts (announced / scanned / relevant) and the prompt texts: the digest;
  * arXiv categories (primary first) and the authors' own arXiv comment ("14 pages, ..."): the day's listing,
    matched by arXiv id (the digest does not carry them).
Costs are the digest's token counts priced at gpt-5's list price (USD 1.25 / 10 per million prompt /
completion tokens), which reproduces the digest's rounded $0.14 / $1.07 / $1.21.
"""

import argparse
import json
import re
import sys

GPT5_PROMPT_PER_M = 1.25
GPT5_COMPLETION_PER_M = 10.0


def fail(message):
    sys.exit("make-demo-day: " + message)


def parse_header(lines):
    m = re.match(r"Personalized Daily ArXiv Papers (\d{4}-\d{2}-\d{2})$", lines[0])
    if not m:
        fail("first line is not the digest title")
    day = m.group(1)
    model = re.match(r"\| \[([^\]]+)\] \|", lines[1])
    tokens = re.match(r"\| Token \| (\d+) \| (\d+) \| (\d+) \|", lines[3])
    costs = re.match(r"\| Cost \| \$([\d.]+) \| \$([\d.]+) \| \$([\d.]+) \|", lines[4])
    if not (model and tokens and costs):
        fail("token table not found")
    counts = {}
    for line in lines[5:8]:
        m = re.match(r"Total (arXiv|scanned|relevant) papers: (\d+)$", line)
        if not m:
            fail("count line not found: " + line)
        counts[{"arXiv": "announced", "scanned": "scanned", "relevant": "relevant"}[m.group(1)]] = int(m.group(2))
    return day, model.group(1), [int(t) for t in tokens.groups()], [float(c) for c in costs.groups()], counts


def parse_papers(lines):
    papers = []
    i = 0
    while i < len(lines):
        m = re.match(r"(\d+)\. (.+)$", lines[i])
        if m and i + 1 < len(lines) and lines[i + 1].startswith("ArXiv ID: "):
            block = lines[i:i + 6]
            fields = {}
            for prefix, key in (("ArXiv ID: ", "arxivId"), ("Authors: ", "authors"),
                                ("Abstract: ", "abstract"), ("Comment: ", "llmComment")):
                line = next((l for l in block if l.startswith(prefix)), None)
                if line is None:
                    fail("paper %s lacks %r" % (m.group(1), prefix))
                fields[key] = line[len(prefix):].strip()
            scores = next((l for l in block if l.startswith("Relevance: ")), None)
            sm = re.match(r"Relevance: (\d+) Novelty: (\d+)$", scores or "")
            if not sm:
                fail("paper %s lacks scores" % m.group(1))
            papers.append({
                "rank": int(m.group(1)),
                "arxivId": fields["arxivId"],
                "title": m.group(2).strip(),
                "authors": [a.strip() for a in fields["authors"].split(", ") if a.strip()],
                "abstract": fields["abstract"],
                "llmComment": fields["llmComment"],
                "relevance": int(sm.group(1)),
                "novelty": int(sm.group(2)),
            })
            i += 6
        else:
            i += 1
    return papers


def section(lines, start, stop):
    """Lines strictly between the heading line `start` and the next heading `stop` (None: to the end)."""
    a = lines.index(start) + 1
    b = lines.index(stop, a) if stop else len(lines)
    return "\n".join(lines[a:b]).strip()


def parse_prompt(lines):
    # The digest shows the user prompt as instructions -> criteria -> papers -> topics (a rendering quirk of the
    # reference tool, see notes/reference-tool.md 2.2); what it sent was topics -> criteria -> papers -> instructions.
    p = lines[lines.index("Paper Selection Prompt"):]
    return {
        "systemPrompt": section(p, "System Prompt", "User Prompt"),
        "topics": "## Relevant Topics\n\n" + section(p, "Relevant Topics", None),
        "rubric": "## Scoring Criteria\n\n" + section(p, "Scoring Criteria", "Papers"),
        "abstractPostfix": "## Instructions\n\n" + section(p, "Instructions", "Scoring Criteria"),
    }


def read_listing(path):
    by_id = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                by_id.setdefault(record["id"], record)
    return by_id


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--digest", required=True)
    ap.add_argument("--listing", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    with open(args.digest, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f]
    day, model, tokens, rounded_costs, counts = parse_header(lines)
    papers = parse_papers(lines)
    if len(papers) != counts["relevant"]:
        fail("found %d papers, the digest says %d" % (len(papers), counts["relevant"]))
    listing = read_listing(args.listing)
    for p in papers:
        record = listing.get(p["arxivId"])
        if record is None:
            fail("%s is not in the listing" % p["arxivId"])
        p["categories"] = record["categories"]
        p["primaryCategory"] = record["categories"][0]
        p["arxivComment"] = record.get("comment") or ""

    prompt_cost = tokens[0] * GPT5_PROMPT_PER_M / 1e6
    completion_cost = tokens[1] * GPT5_COMPLETION_PER_M / 1e6
    for exact, shown in zip((prompt_cost, completion_cost, prompt_cost + completion_cost), rounded_costs):
        if round(exact, 2) != shown:
            fail("priced cost %.4f does not round to the digest's %.2f" % (exact, shown))

    out = {
        "format": 1,
        "source": "Reference digest 'Personalized Daily ArXiv Papers %s' (DaizeDong/ChatGPT-ArXiv-Paper-Assistant), "
                  "categories and arXiv comments from that day's cs.LG/cs.AI listing" % day,
        "day": day,
        "model": model,
        "provider": "openai",
        "categories": ["cs.LG", "cs.AI"],
        "announceTypes": ["new", "cross"],
        "counts": counts,
        "usage": {
            "promptTokens": tokens[0],
            "completionTokens": tokens[1],
            "promptCostUsd": round(prompt_cost, 7),
            "completionCostUsd": round(completion_cost, 7),
        },
        "criteria": parse_prompt(lines),
        "papers": papers,
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("make-demo-day: %d papers, %s, %s -> %s" % (len(papers), day, model, args.out))


if __name__ == "__main__":
    main()
