"""The benchmark's figures as text for a person."""

CASE_NAMES = {
    "first": "first sync",
    "unchanged": "nothing changed",
    "changed": "5% changed",
}


def as_text(report: dict) -> str:
    """Render the dict of ``run_benchmark`` as an aligned plain-text report."""
    lines = [
        f"Sync benchmark: simulator profile {report['profile']!r}, "
        f"{report['site_browsers']} site browsers, {report['database_vendor']} "
        f"database, {report['cpu_count']} cores",
        "",
        f"{'orders':>6}  {'sync':<16}{'wall s':>8}{'floor s':>9}{'x floor':>9}"
        f"{'pages':>7}{'browsers':>9}{'browser MB':>12}{'python MB':>11}",
    ]
    for figures, detail in zip(
        report["scenarios"], report["scenario_details"], strict=True
    ):
        row = figures | detail
        ratio = f"{row['ratio']:.2f}" if row["ratio"] is not None else "-"
        failed = "" if row["status"] == "succeeded" else f"  {row['status']}"
        lines.append(
            f"{row['orders']:>6}  {CASE_NAMES[row['case']]:<16}"
            f"{row['wall_s']:>8.1f}{row['floor_s']:>9.1f}{ratio:>9}"
            f"{row['pages']:>7}{row['browsers']:>9}"
            f"{row['browser_peak_mb']:>12.0f}{row['python_peak_mb']:>11.0f}{failed}"
        )

    refused = report["refused_login"]
    outcome = "recorded" if refused["recorded"] else "NOT recorded"
    lines += ["", f"Refused login: {outcome} after {refused['seconds']:.1f} s"]

    database = report["database"]
    compared = database["compared"]
    lines += [
        "",
        f"Database: {database['orders']:,} orders with "
        f"{database['dispensers']:,} dispensers "
        f"(in brackets: {database['compared_with_orders']:,} orders)",
    ]
    for label, key in (
        ("first save", "save"),
        ("unchanged save", "resave_unchanged"),
        ("dashboard page", "dashboard"),
    ):
        lines.append(
            f"  {label:<16}{database[key + '_queries']:>5} queries "
            f"{database[key + '_s']:>7.2f} s   "
            f"({compared[key + '_queries']} queries {compared[key + '_s']:.2f} s)"
        )

    sizing = report.get("sizing")
    if sizing:
        lines += [
            "",
            f"Sizing: one worker, {sizing['accounts']} accounts of "
            f"{sizing['orders_per_account']} orders",
            f"  unchanged sync {sizing['unchanged_sync_s']:.1f} s "
            f"({sizing['unchanged_cpu_s']:.1f} s CPU): "
            f"{sizing['syncs_per_hour_per_worker']} syncs/hour/worker",
            f"  first sync {sizing['first_sync_s']:.1f} s "
            f"({sizing['first_cpu_s']:.1f} s CPU): "
            f"{sizing['first_syncs_per_hour_per_worker']} syncs/hour/worker",
            f"  memory per worker: {sizing['worker_python_mb']:.0f} MB Python + "
            f"{sizing['worker_browser_mb']:.0f} MB browsers = "
            f"{sizing['worker_memory_mb']:.0f} MB",
        ]

    lines += ["", "Targets:"]
    for target in report["targets"]:
        lines.append(
            f"  {target['target']:<28}{target['figure']!s:>8} {target['unit']:<8}"
            f"(at most {target['limit']}) {'met' if target['met'] else 'NOT MET'}"
        )
    return "\n".join(lines)
