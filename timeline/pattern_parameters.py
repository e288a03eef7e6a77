"""Every key a pattern in `resources/<lang>/patterns.toml` may have, with what it does.

One list, so that a pattern file can be read without the engine's code at hand, and so that a
misspelt key is an error when the patterns are compiled instead of a rule that silently does
nothing. Where a key has a slot of the same name, a slot the text filled wins ("{shift}").
"""

from __future__ import annotations

PARAMETERS: dict[str, str] = {
    # -- the pattern itself (grammar.py, candidates.py)
    "id": "unique name, '<lang>.<frame or family>.<what>'; shown in explanation lines",
    "match": "the template (see grammar.py)",
    "frame": "the resolver (resolve.RESOLVERS), or 'none' to claim an extent for a non-date",
    "examples": "texts the template must match (tests/test_resources.py)",
    "only_in": "'history': match only in a text that is all history (anchors.history_text), "
    "'news': only in any other ('the night of 14 April' is one TIME in a history told long "
    "after, as the project's histories write it, the date alone in news as AQUAINT tags it; "
    "'soon' is FUTURE_REF in news, no time in a history: 'the pocket was soon split')",
    "case_sensitive": "match the template's letters as written (a first word also capitalized "
    "at a sentence start); true also ignores case in a line written in one case (a headline in "
    "capitals), 'always' does not (a bare 'march' may be a verb)",
    "not_followed_by": "words (or '{category}', or '-' for a hyphenated word, or '[capitalized]' "
    "for a capitalized word) that veto a match right after it",
    "not_preceded_by": "words (or '{category}', or '[name]' for a capitalized word inside a "
    "sentence) that veto a match right before it, before its context words too",
    "after_word_of": "a lexicon category one word of which must stand earlier in the clause",
    "year_across": "a year written with the one before it ('the 2022-23 financial year', 'FY "
    "2024-25'): it holds only if the later is the year after the earlier ('1939-45' is two "
    "ends of a span); the value is the later year (a fiscal year is named by the year it ends "
    "in), the interval covers both (calendar_dates.resolve_year)",
    "distinct_units": "a compound of counts holds only if their units all differ ('two years and "
    "three months'; '13 years and eight years' are two lengths)",
    "sentence_word_of": "a lexicon category one word of which must stand anywhere in the "
    "sentence ('In the fourth quarter, the Bears scored')",
    # -- what is found (type and value)
    "type": "the TIMEX3 type, where it is not the frame's usual one",
    "value": "a fixed TIMEX3 value (PRESENT_REF, a SET's value ...)",
    "mod": "a fixed TIMEX3 mod (START, APPROX ...)",
    "unit": "the calendar or duration unit the pattern counts in",
    "n": "a fixed count of units ('a fortnight': 2 weeks; 'the first half': 1)",
    "sign": "the direction a count goes: -1 back ('ago'), 1 ahead",
    "shift": "a fixed step of the unit: -1 last, 0 this, 1 next",
    "vague": "a duration of unknown length ('for years': PXY)",
    "fraction_parts": "read '2 1/2 years' as P2Y6M rather than P2.5Y",
    "range": "a vague reference's interval around the DCT, two signed ISO durations",
    "in_unit": "the granularity of the result, when not the unit counted in",
    "in_unit_step": "count from the `in_unit` period this many steps from the DCT's ('fifty "
    "years ago last month': -1)",
    "keep_granularity": "count in the earlier date's unit ('a year earlier' than a quarter): true "
    "for any finer unit, a unit for the finest kept, or a list of the units kept, coarser ones "
    "too ('the year-earlier period' after a half: that half a year back)",
    "containing": "the period of this unit that contains the day found ('the quarter ended ...')",
    "unit_told_running": "the period of the unit told just before, when it is not over yet "
    "('the first quarter could end weakly. Profits for the quarter ...' told in February)",
    "in_year_told": "with anchor 'previous': the month in the year of the date told before ('That "
    "March' after 'the spring of 1956' is 1956-03), whatever the tense",
    "part_of_previous": "the same month/quarter/half as the earlier date, in the year written",
    "month_near": "a day written without its month ('on the 3rd'): in the month before, of or "
    "after the reference's that the tense (and a weekday written) points to",
    # -- days, weekdays and times
    "weekday": "a fixed weekday, 1-7 (Monday = 1)",
    "in_week": "the weekday or weekend inside the week named or told before",
    "indefinite": "some such weekday, not the nearest one ('fell on a Thursday')",
    "listed": "a weekday listed right after another: the such day nearest that one, three days "
    "either way ('Sunday or Monday', 'made Friday and Thursday')",
    "past_includes_today": "in the past, the DCT's own weekday is the DCT, not a week back",
    "told_ahead_again": "read in the past, the day of that weekday told before as one of the "
    "coming days, if any ('will auction bills Thursday ... asking about Thursday's sale'; "
    "story.Story.weekdays_told)",
    "future_includes_today": "in the future, the DCT's own weekday is the DCT, not a week on "
    "('will speak Thursday night' in a Thursday story)",
    "current_unless_past": "this week's weekend, the one over if the clause is past",
    "shift_day": "a fixed day step from the DCT or the day found (-1 yesterday, 1 tomorrow)",
    "past_day_shift": "in a past clause, so many days from the day found ('midnight Friday')",
    "morning_after_told": "a morning a night runs to ('until dawn') after a past day told is the "
    "next day's",
    "ends_day_told": "no past_day_shift from a day told before: the midnight a span runs to "
    "('The board met Tuesday. ... until midnight') ends that day",
    "day_offset": "so many days from the holiday ('the day after Thanksgiving')",
    "hour": "a fixed hour ('noon': 12)",
    "minute": "a fixed minute",
    "am": "'12' is midnight, not noon",
    "after_midnight": "the midnight found (T24:00 of a day) is told as T00:00 of the next day "
    "('kurz nach Mitternacht')",
    "pm": "the hour is after noon",
    "twelve_hour": "an hour of a 12-hour clock without a.m. or p.m.: after an afternoon told "
    "before, 1 to 6 is p.m., after an evening 5 to 11, after a night 7 to 11 ('last night ... "
    "at eleven-thirty')",
    "daypart": "a fixed part of day (MO, AF, EV, NI)",
    "from_evening_before": "a night named by the day it ends on ('Nacht auf Sonntag')",
    "begun": "a quarter or half named by its results is the latest one begun, whatever the "
    "tense ('fourth-quarter earnings' in January)",
    # -- what a date counts from, and its tense (dates.py, story.py, remember.py, date_reading.py)
    "anchor": "'previous': count from the last date in the text; 'written': from the last "
    "year written; a duration's span: 'until_ref', 'from_ref', 'ahead', 'ago', 'year_start', "
    "'report_end', 'ended_day' (durations.resolve_duration)",
    "not_over_in": "clause tenses that cannot tell of a day already over (default: the "
    "future): a clock time or part of day in them is not on a past day told before, unless "
    "right after it ('Putin hatte am Montag ... anerkannt. Die EU kommt am Abend zusammen')",
    "anchor_stays": "the next expression still counts from the same anchor, not from this one",
    "anchor_told": "count from the earlier date only if it is told as over, and not as the "
    "start of a span ('since 1981')",
    "anchor_in_past": "count from the earlier date only in a past clause",
    "anchor_in_unit": "count from the earlier date only if it is as fine as the unit; after a "
    "coarser one from the DCT ('Im Jahr 2024 ... im Vormonat' is the DCT's month before)",
    "anchor_named": "the expression names the period of the date told before ('that week'): "
    "after a coarser date it is some unit of that date, even uncounted weeks",
    "anchor_max_age_days": "count from the earlier date only if it ended at most so many days "
    "before the DCT ('a year ago' counts from now)",
    "that_day_told": "after a day of a history told before, a weekday of that day's week "
    "('Am 9. Oktober 1989 ... an diesem Montag'); otherwise read from the DCT",
    "now_unanchored": "with no earlier date to count from, the DCT's own period in the unit "
    "('A year on, the town is rebuilding' opening a story)",
    "now_in_present": "a year or more counted on from a date over that falls after the DCT, in "
    "a present clause, is the DCT's own year ('Seventy years later, it remains')",
    "context_in_sentence": "a year written here is the setting only up to its sentence end",
    "written_in_sentence": "with `anchor = 'written'`: only a year told in the expression's own "
    "sentence, else the DCT's ('Im Jahr 2010 ... als im Vorjahr')",
    "no_context": "the year written here is no setting for what follows ('seit 2010')",
    "context_in": "with `no_context`: clause tenses in which the year sets the story after all "
    "('Die WM von 1974 fand statt' in a past one; 'erinnert an das Gelöbnis von 1796' is an aside)",
    "month_after_end": "a range of days names its month after the end: a start day greater "
    "than the end's is in the month before ('vom 31. bis 8. November')",
    "labels_sentence": "a label's year ('Bilanz für 2012'), though no setting, is the one a "
    "`written_in_sentence` expression after it in its sentence counts from ('... mehr als im "
    "Vorjahr')",
    "tense_reading": "how 'in/within N units' reads in a clause's tense (tense -> reading): "
    "'length', the time something took, no date ('built the bridge in two years'); 'ahead', a "
    "point that far ahead ('The second round will be held in two weeks', not 'the second storm "
    "in two weeks') (durations.reading_in_tense)",
    "names_day": "the reading (a PRESENT_REF) is the report's day: what follows counts from it "
    "('heute ... um Mitternacht')",
    "running_in_present": "a span of weekdays told in the present that the DCT falls in is the "
    "one running ('The convention runs from Monday to Thursday' told on a Tuesday; German "
    "present tells plans, and keeps the next)",
    "fresh_past": "in a past clause, count from so many days before the DCT: a period begun "
    "fewer days ago has nothing to report yet ('For the year' on January 2)",
    "uses_tense": "the clause's tense chooses between the last and the next occurrence",
    "tense": "a fixed tense of the clause, where the pattern knows it ('Friday's ruling': past)",
    "yields_to": "clause tenses the fixed tense gives way to ('Iraq faces Sunday's deadline': "
    "['future', 'present'])",
    "tense_penalty_days": "the pattern's own cost of reading a date against the clause's tense",
    "next_when_over": "a week told ahead on its last day is the next week",
    "over_on_last_day": "the last period over, counted back, is the reference's own on its last "
    "day ('up 11.3 percent for the quarter' on March 31)",
    "side": "'before' or 'after': only the days of the period before or after the reference "
    "inside it ('earlier this year', 'later this month', 'noch in diesem Jahr')",
    # -- schedules: days and hours listed together
    "opens_schedule": "hours after it hold on each of the days listed before",
    "in_schedule": "inside a schedule, this value (a SET's)",
    "habit_word_of": "a lexicon category of words that tell a weekly habit ('geöffnet', 'office "
    "hours'): with one in its sentence, in a present clause, the expression opens a schedule as "
    "if a SET stood before it ('Das Museum ist Montag bis Freitag geöffnet')",
    "one_week_word_of": "a lexicon category of words that name one week ('in dieser Woche'): "
    "with one in its sentence a `habit_word_of` range is that week's days, no habit",
    "dateless": "a clock time with no day of its own: in a schedule it holds on every day "
    "('T09:00'); it joins a schedule from further away",
    "schedule_only": "a bare hour ('um sechs', 'at 10') is a clock time only in a schedule, right "
    "after a SET or before one ('jeden Morgen um sechs', 'Sunday mornings at 10'); elsewhere "
    "it may be a count ('stieg um zehn')",
    "span_end": "a clock time ending a span ('to 6 a.m.'): earlier than the clock time told "
    "before it, it is on the next day",
    "own_line": "match only as the whole of its line (a live blog's clock stamp '14:32 GMT' "
    "heading an entry: the report's day, whatever day the entry before told)",
}
