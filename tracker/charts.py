"""Server-rendered SVG charts: no script, no external service, readable without colour (labels and a table)."""

from dataclasses import dataclass

from tracker.models import Status
from tracker.presentation import CHART_COLOURS


@dataclass(frozen=True)
class BarSegment:
    status: str
    label: str
    count: int
    x: float
    width: float
    colour: str


@dataclass(frozen=True)
class BarRow:
    year: int
    total: int
    y: float
    segments: list[BarSegment]


@dataclass(frozen=True)
class StackedBars:
    rows: list[BarRow]
    width: int
    height: int
    bar_height: int
    label_width: int
    statuses: list[tuple[str, str, str]]  # (value, label, colour) for the legend


def stacked_bars(data: list[tuple[int, dict[str, int]]], *, width: int = 640, bar_height: int = 22, gap: int = 8) -> StackedBars:
    """One horizontal bar per year, split by status, scaled to the largest year."""
    label_width, total_width = 48, 52
    plot_width = width - label_width - total_width
    largest = max((sum(counts.values()) for _, counts in data), default=0) or 1
    rows = []
    for index, (year, counts) in enumerate(data):
        x, segments = float(label_width), []
        for status in Status:
            count = counts.get(status.value, 0)
            if not count:
                continue
            segment_width = plot_width * count / largest
            segments.append(
                BarSegment(status.value, str(status.label), count, round(x, 2), round(segment_width, 2), CHART_COLOURS[status])
            )
            x += segment_width
        rows.append(BarRow(year=year, total=sum(counts.values()), y=index * (bar_height + gap), segments=segments))
    used = {segment.status for row in rows for segment in row.segments}
    legend = [(status.value, str(status.label), CHART_COLOURS[status]) for status in Status if status.value in used]
    return StackedBars(
        rows=rows,
        width=width,
        height=max(len(rows) * (bar_height + gap) - gap, 0),
        bar_height=bar_height,
        label_width=label_width,
        statuses=legend,
    )
