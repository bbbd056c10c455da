"""Server-rendered SVG charts: no script, no external service, readable without colour (labels and a table).

The markup is built here rather than in a template: a chart of twenty years has a couple of hundred
bars, which a template loop renders many times slower.
"""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

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

    def svg(self) -> SafeString:
        """The chart as inline SVG, labelled by the heading with id "chart-title"; each bar has a tooltip."""
        rows = format_html_join(
            "\n",
            '<g><text x="0" y="{}" class="chart-label">{}</text>{}<text x="{}" y="{}" class="chart-total" text-anchor="end">{}</text></g>',
            ((row.y + 15, row.year, self._bars(row), self.width, row.y + 15, row.total) for row in self.rows),
        )
        return format_html(
            '<svg viewBox="0 0 {} {}" role="img" aria-labelledby="chart-title" class="chart-svg" '
            'preserveAspectRatio="xMinYMin meet">{}</svg>',
            self.width,
            self.height,
            rows,
        )

    def _bars(self, row: "BarRow") -> SafeString:
        return format_html_join(
            "",
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {} {}</title></rect>',
            ((s.x, row.y, s.width, self.bar_height, s.colour, row.year, s.label, s.count) for s in row.segments),
        )

    def table_rows(self) -> SafeString:
        """The same figures as table rows (year, status, count), for readers who cannot see the chart."""
        return format_html_join(
            "",
            '<tr><td>{}</td><td>{}</td><td class="text-end">{}</td></tr>',
            ((row.year, s.label, s.count) for row in self.rows for s in row.segments),
        )


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
