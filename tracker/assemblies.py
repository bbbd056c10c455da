"""What differs between the parliaments whose written questions are tracked: the legal term within
which a minister must answer, the day a session year opens, and where its letters are dated. One
entry per assembly, keyed by its code (Assembly.slug); the reference data itself (names,
legislatures, governments) is in migrations.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from tracker.dates import working_days_after

FLEMISH_PARLIAMENT = "vlaams-parlement"
HOUSE_OF_REPRESENTATIVES = "tweede-kamer"


def _weekday_of_september(year: int, weekday: int, nth: int) -> datetime.date:
    first = datetime.date(year, 9, 1)
    return first + datetime.timedelta(days=(weekday - first.weekday()) % 7, weeks=nth - 1)


@dataclass(frozen=True)
class AssemblyRules:
    slug: str
    term_days: int
    term_in_working_days: bool  # Monday to Friday without public holidays; else calendar days
    session_opens: Callable[[int], datetime.date]  # the day the session year starting in that year opens
    seat: str = "Brussel"  # where its letters are dated: "Brussel, 29 november 2026"
    article: str = "het"  # its name's article in Dutch: "het Vlaams Parlement", "de Tweede Kamer"

    def answer_due_on(self, asked_on: datetime.date) -> datetime.date:
        """The last day of the legal term to answer a question asked on *asked_on*."""
        if self.term_in_working_days:
            return working_days_after(asked_on, self.term_days)
        return asked_on + datetime.timedelta(days=self.term_days)

    def session_year_of(self, day: datetime.date) -> str:
        """The session year (zittingsjaar, vergaderjaar) a date belongs to, e.g. "2017-2018"."""
        start = day.year if day >= self.session_opens(day.year) else day.year - 1
        return f"{start}-{start + 1}"


RULES = {
    # Twenty working days (the parliament's rules); a session year opens on the fourth Monday of September.
    FLEMISH_PARLIAMENT: AssemblyRules(
        slug=FLEMISH_PARLIAMENT,
        term_days=20,
        term_in_working_days=True,
        session_opens=lambda year: _weekday_of_september(year, weekday=0, nth=4),
    ),
    # Three weeks (the House's Rules of Procedure); the vergaderjaar opens on Prinsjesdag, the third
    # Tuesday of September.
    HOUSE_OF_REPRESENTATIVES: AssemblyRules(
        slug=HOUSE_OF_REPRESENTATIVES,
        term_days=21,
        term_in_working_days=False,
        session_opens=lambda year: _weekday_of_september(year, weekday=1, nth=3),
        seat="Den Haag",
        article="de",
    ),
}


def rules_for(slug: str) -> AssemblyRules:
    """The rules of the assembly *slug*; an assembly added without rules follows the Flemish Parliament's."""
    return RULES.get(slug, RULES[FLEMISH_PARLIAMENT])
