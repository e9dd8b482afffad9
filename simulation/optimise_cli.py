"""``cockpit sim optimise SCENARIO.toml``: the fewest grid workers per community and shift that keep every guard.

Prints the recommendation per shift, the guard that binds each shift and whether every guard holds
(in the UI's language, ``--lang zh`` by default); ``--json OUT`` writes the whole answer (every
guard's value with its interval); ``--out-scenario FILE`` writes the scenario with the recommended
staffing, which ``cockpit sim run`` runs as any other.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import tomli_w

from cockpit.command_output import CommandError, json_safe, write_json
from simulation.guarded import optimise_guarded, recommended_scenario
from simulation.model import ScenarioError
from simulation.scenario import load_scenario

HEAD = {"zh": ("班次", "现有", "建议", "约束", "全部约束满足", "有约束未满足", "其余约束全部满足"),
        "en": ("shift", "now", "recommended", "binding", "every guard holds", "SOME GUARDS FAIL",
               "every other guard holds")}
LIMITS = {"zh": "约束：各风险等级各时段{on_scene_minutes:g}分钟内到场率 ≥ {on_scene_rate:.0%}，按时签收率 ≥ "
                "{response_rate:.0%}；各社区超期率 ≤ {overdue_rate:.0%}；置信度 {confidence:.0%}（单侧）",
          "en": "guards: every risk class and shift on scene within {on_scene_minutes:g} min >= {on_scene_rate:.0%}, "
                "accepted within target >= {response_rate:.0%}; overdue <= {overdue_rate:.0%} per community; "
                "{confidence:.0%} confidence (one-sided)"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", help="a street scenario (docs/scenarios.md)")
    parser.add_argument("--replications", type=int, default=10,
                        help="replications the answer is checked at (default 10)")
    parser.add_argument("--first-replications", type=int, default=4,
                        help="replications a candidate starts with; more only while a bound straddles a limit "
                             "(default 4)")
    parser.add_argument("--seed", type=int, default=0, help="seed (default 0)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--json", metavar="OUT", help="write the answer as JSON to OUT ('-' for stdout)")
    parser.add_argument("--out-scenario", metavar="FILE", help="write the scenario with the recommended staffing")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the answer (default zh)")


def optimise_command(args: argparse.Namespace) -> int:
    if args.replications < 2:
        raise CommandError("--replications: must be at least 2 (a bound needs two)")
    if not 2 <= args.first_replications <= args.replications:
        raise CommandError("--first-replications: must be at least 2 and at most --replications")
    try:
        scenario = load_scenario(args.scenario)
    except ScenarioError as exc:
        raise CommandError(f"{args.scenario}: {exc}") from None
    if scenario.street == "none":
        raise CommandError(f"{args.scenario}: the optimiser staffs a street; this scenario has none")
    began = time.perf_counter()
    search = optimise_guarded(scenario, replications=args.replications, first_replications=args.first_replications,
                              seed=args.seed, workers=max(1, args.workers))
    print(f"optimised in {time.perf_counter() - began:.1f} s", file=sys.stderr)
    summary = search.summary(args.lang)
    if args.out_scenario:
        raw = dict(recommended_scenario(search).raw)
        try:
            Path(args.out_scenario).write_text(tomli_w.dumps(json_safe(raw)), encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"--out-scenario: cannot write {args.out_scenario}: {exc.strerror or exc}", 1) from None
    if write_json(args.json, summary):
        return 0
    head = HEAD[args.lang]
    lines = [LIMITS[args.lang].format(**summary["limits"]), f"{head[0]:10}{head[1]:>6}{head[2]:>8}  {head[3]}"]
    for shift, by in summary["recommendation"].items():
        name = summary["shift_names"][shift]
        lines.append(f"{name:10}{summary['total']['current'][shift]:>6}{sum(by.values()):>8}  "
                     f"{summary['binding'][shift]['label']}")
    lines.extend(f"{g['label']}: {g['value']:.3f} → {g['tripled']['value']:.3f} (x3)  {g['why']}"
                 for g in [*summary["not_staff_bound"], *summary["undecided"]])
    lines.append(head[5] if not summary["passed"] else head[6] if summary["not_staff_bound"] or summary["undecided"]
                 else head[4])
    print("\n".join(lines))
    return 0
