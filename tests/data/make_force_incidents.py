#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Makes tests/data/force_incidents.csv: a force-style incident extract (not police.uk) with dates,
times and windows in the forms force systems export, and the answers the tests check it against
(tests/data/force_incidents_expected.json), computed here independently of the engine.

    python3 tests/data/make_force_incidents.py    # from the repository root; deterministic

The incidents are synthetic (no real person or place is recorded): 3,000 rows around Mansfield and
Kirkby-in-Ashfield (EPSG:27700), January to June 2024, most of them at night and at weekends, a
third of the violence following an earlier incident within 90 m and 0-6 days (near repeats).
Columns: Reference, Crime type, Easting, Northing, Committed from, From time, Committed to, To time.
The dates come in six forms: ISO date + time; UK date + time with a UK window end; an Excel serial
with the time as its fraction; an ISO date-time; a date alone (the whole day); a window of whole
days. Twelve rows are malformed, one per way a date goes wrong, listed in MALFORMED with the reason
the engine must give; the expected file lists them by line.

The answers: the loaded count; per crime type, the incidents starting in the last 14 days to
2024-06-30 and in the 14 days before; and the hour-of-day by day-of-week table with aoristic
weights, found here minute by minute (each incident's window walked one minute at a time).
"""
import datetime as dt
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS = 3000
FIRST = dt.date(2024, 1, 1)
DAYS = 182  # to 2024-06-30
CENTRES = [(453800, 360800), (449700, 356000)]  # Mansfield, Kirkby-in-Ashfield town centres
TYPES = [("Violence and sexual offences", 0.70), ("Robbery", 0.10), ("Possession of weapons", 0.05),
         ("Criminal damage and arson", 0.15)]
EPOCH_EXCEL = dt.date(1899, 12, 30)

# (Committed from, From time, Committed to, To time, the column at fault, the reason's start)
MALFORMED = [
    ("31/02/2024", "22:00", "", "", "Committed from", "not a calendar date"),
    ("06/15/2024", "22:00", "", "", "Committed from", "month over 12: US-style"),
    ("15/06/24", "", "", "", "Committed from", "two-digit year"),
    ("Jun-24", "", "", "", "Committed from", "not a date or date-time"),
    ("2024-06-15T25:00", "", "", "", "Committed from", "not a time of day after the date"),
    ("2024-06-15", "24:30", "", "", "From time", "not a time of day"),
    ("2024-06-15+01:00", "", "", "", "Committed from", "not a date or date-time"),
    ("", "22:00", "", "", "Committed from", "no date"),
    ("12", "", "", "", "Committed from", "an Excel serial outside"),
    ("2024-06-15", "23:00", "2024-06-14", "01:00", "Committed to", "the window ends before it starts"),
    ("2024-06-15 22:00", "21:00", "", "", "From time", "the date holds a time other than"),
    ("2024-02-30", "", "", "", "Committed from", "not a calendar date"),
]


def hour_weights(weekday):
    """Relative chance of each hour: a night-time peak, stronger on Friday and Saturday nights."""
    w = [1.0] * 24
    for h in (22, 23, 0, 1, 2, 3):
        w[h] = 3.0
    if weekday in (4, 5, 6):  # Friday, Saturday and Sunday mornings hold the weekend nights
        for h in (22, 23) if weekday != 6 else ():
            w[h] = 8.0
        for h in (0, 1, 2, 3, 4) if weekday != 4 else ():
            w[h] = 9.0
    return w


def pick(rng, options):
    r = rng.random()
    for value, share in options:
        r -= share
        if r < 0:
            return value
    return options[-1][0]


def make_events(rng):
    events = []  # (type, x, y, start minute of day offset from FIRST, end) in minutes since FIRST 00:00
    while len(events) < ROWS:
        kind = pick(rng, TYPES)
        if kind == "Violence and sexual offences" and events and rng.random() < 0.33:
            base = rng.choice(events[-200:])
            x = base[1] + rng.randint(-45, 45)
            y = base[2] + rng.randint(-45, 45)
            day = min(DAYS - 1, base[3] // 1440 + rng.randint(0, 6))
        else:
            cx, cy = rng.choice(CENTRES)
            x = cx + int(rng.gauss(0, 900))
            y = cy + int(rng.gauss(0, 900))
            day = rng.randrange(DAYS)
        weekday = (FIRST + dt.timedelta(days=day)).weekday()
        hour = rng.choices(range(24), hour_weights(weekday))[0]
        start = day * 1440 + hour * 60 + rng.randrange(60)
        events.append((kind, x, y, start))
    return events


def fmt_row(rng, ref, kind, x, y, start):
    """The row's date columns in one of six forms, and the window [start, end) the engine must read."""
    day, minute = divmod(start, 1440)
    date = FIRST + dt.timedelta(days=day)
    hhmm = f"{minute // 60:02d}:{minute % 60:02d}"
    form = rng.choices(range(6), [40, 20, 10, 10, 10, 10])[0]
    if form == 0:  # ISO date, time column, exact
        cols = (date.isoformat(), hhmm, "", "")
        window = (start, start + 1)
    elif form == 1:  # UK date and time, with a window end 30 minutes to 6 hours later
        end = start + rng.choice([30, 60, 120, 240, 360])
        ed, em = divmod(end, 1440)
        end_date = FIRST + dt.timedelta(days=ed)
        cols = (date.strftime("%d/%m/%Y"), hhmm, end_date.strftime("%d/%m/%Y"), f"{em // 60:02d}:{em % 60:02d}")
        window = (start, end)
    elif form == 2:  # Excel serial with the time as its fraction
        serial = (date - EPOCH_EXCEL).days + minute / 1440
        cols = (f"{serial:.8f}", "", "", "")
        window = (start, start + 1)
    elif form == 3:  # ISO date-time in one column
        cols = (f"{date.isoformat()} {hhmm}:00", "", "", "")
        window = (start, start + 1)
    elif form == 4:  # a date alone: the whole day
        cols = (date.isoformat(), "", "", "")
        window = (day * 1440, day * 1440 + 1440)
    else:  # a window of whole days
        span = rng.randint(1, 2)
        last = min(DAYS - 1, day + span)
        cols = (date.isoformat(), "", (FIRST + dt.timedelta(days=last)).isoformat(), "")
        window = (day * 1440, last * 1440 + 1440)
    return [ref, kind, str(x), str(y), *cols], window


def main():
    rng = random.Random(20240630)
    events = make_events(rng)
    header = ["Reference", "Crime type", "Easting", "Northing", "Committed from", "From time", "Committed to", "To time"]
    lines, windows, kinds, rejects = [], [], [], []
    bad_at = sorted(rng.sample(range(100, ROWS), len(MALFORMED)))
    bad = dict(zip(bad_at, MALFORMED))
    for i, (kind, x, y, start) in enumerate(events):
        ref = f"XX/{i + 1:06d}/24"
        if i in bad:
            f, ft, t, tt, column, reason = bad[i]
            lines.append([ref, kind, str(x), str(y), f, ft, t, tt])
            rejects.append({"line": len(lines) + 1, "column": column, "reason": reason})
            continue
        row, window = fmt_row(rng, ref, kind, x, y, start)
        lines.append(row)
        windows.append(window)
        kinds.append(kind)
    # One row without coordinates, as force extracts have.
    lines.append([f"XX/{ROWS + 1:06d}/24", "Robbery", "", "", "2024-05-01", "12:00", "", ""])
    rejects.append({"line": len(lines) + 1, "column": "Easting", "reason": "no coordinates"})
    with open(os.path.join(HERE, "force_incidents.csv"), "w", newline="") as out:
        out.write(",".join(header) + "\n")
        for row in lines:
            out.write(",".join(f'"{v}"' if " " in v else v for v in row) + "\n")

    last14 = (DAYS - 14, DAYS - 1)  # 2024-06-17..2024-06-30
    prev14 = (DAYS - 28, DAYS - 15)  # 2024-06-03..2024-06-16
    counts = {}
    for kind, (start, _) in zip(kinds, windows):
        day = start // 1440
        c = counts.setdefault(kind, [0, 0])
        c[0] += prev14[0] <= day <= prev14[1]
        c[1] += last14[0] <= day <= last14[1]
    week = [0.0] * 168  # Monday 00:00 first
    first_weekday = FIRST.weekday()
    for start, end in windows:
        share = 1.0 / (end - start)
        for m in range(start, end):  # minute by minute
            d, mm = divmod(m, 1440)
            week[((first_weekday + d) % 7) * 24 + mm // 60] += share
    expected = {
        "command": "python3 tests/data/make_force_incidents.py",
        "rows": len(lines), "loaded": len(windows), "rejects": rejects,
        "as_of": "2024-06-30", "last_14_days": "2024-06-17..2024-06-30", "previous_14_days": "2024-06-03..2024-06-16",
        "counts_previous_last": counts,
        "week_hours_all": [round(v, 9) for v in week],
    }
    with open(os.path.join(HERE, "force_incidents_expected.json"), "w") as out:
        json.dump(expected, out, indent=1, sort_keys=True)
        out.write("\n")


if __name__ == "__main__":
    main()
