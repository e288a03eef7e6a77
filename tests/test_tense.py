"""Tense of the clause around a date: expectations worked out by reading each sentence."""

import pytest

from timeline.tense import clause_tense

CASES = [
    # German: Präteritum, Perfekt, future auxiliaries and modals, planning words
    ("de", "Scholz sagte am [Donnerstag], die Regierung werde im März entscheiden.", "past"),
    ("de", "Scholz sagte am Donnerstag, die Regierung werde im [März] entscheiden.", "future"),
    ("de", "Der Bundestag hat am [Dienstag] das Gesetz beschlossen.", "past"),
    ("de", "Am [Montag] traf Merkel in Paris ein.", "past"),
    ("de", "Die Wahl wurde im [Mai] wiederholt.", "past"),
    ("de", "Die Brücke wird im [Mai] eröffnet.", "future"),
    ("de", "Die Konferenz ist für [Mai] geplant.", "future"),
    ("de", "Die Regierung will das Gesetz im [Herbst] verabschieden.", "future"),
    ("de", "Der Minister plant, im [Juli] nach Kiew zu reisen.", "future"),
    ("de", "Er ist am [Sonntag] zurückgetreten.", "past"),
    ("de", "Die Lage ist seit [Montag] ruhig.", "present"),
    ("de", "Das Gebiet am [Montag].", "unknown"),  # "Gebiet" is a noun, not a participle
    # in capitals "SCHLOSS" after "AUF" is the castle, no past of "schließen"; "ER SCHLOSS" is
    ("de", "KONZERT AUF SCHLOSS TIROL AM [9. JULI].", "unknown"),
    ("de", "ER SCHLOSS AM [MONTAG] DIE TÜR.", "past"),
    ("de", "Am 18. März traf Dr. Müller ein. Er wird am [Freitag] abreisen.", "future"),
    # "zu besuchen" is an infinitive, no participle of a perfect with "ist"
    ("de", "Der Markt ist bis zum [6. Jänner] zu besuchen.", "present"),
    # Konjunktiv I "trete" ends like a past in "-te" but is listed as present
    ("de", "Er erklärte, das Gesetz trete im [Juli] in Kraft.", "present"),
    ("de", "Der Sprecher sagte, man erwarte im [Mai] eine Einigung.", "present"),
    # "als" before a noun phrase is no conjunction: "ist ... worden" stays one perfect
    ("de", "Macron ist am [Sonntag] als französischer Präsident wiedergewählt worden.", "past"),
    # a plan told with "war"/"hatte" was made before: past; "wurde ... angesetzt" is still ahead
    ("de", "Die Lesung war im [April] geplant, musste aber verschoben werden.", "past"),
    ("de", "Die Verhandlung wurde für den [3. März] angesetzt.", "future"),
    ("de", "Im [Frühjahr] ist eine neue Reform geplant.", "future"),  # "ist" carries the plan
    # weak pasts in "-ste" ("löste ... auf"), not kept out like superlatives ("die beste")
    ("de", "Macron löste noch am [Sonntagabend] die Nationalversammlung auf.", "past"),
    # a participle before "werden" is a passive to come, no past ("beschlossen" is also a past)
    ("de", "Das Gesetz soll noch vor der Wahl [Ende September] beschlossen werden.", "future"),
    # a conjunction splits two verbs in one sentence
    ("de", "Die Firma meldete im [Januar] Insolvenz an und will im Juni neu starten.", "past"),
    ("de", "Die Firma meldete im Januar Insolvenz an und will im [Juni] neu starten.", "future"),
    # the journalistic present of a saying right after a quote reports a statement made, also
    # with a name between verb and day; "sagt ... ab" cancels
    ("de", "„Wir sind bereit“, sagt Bürgermeister Müller am [Montag].", "past"),
    ("de", "„Es regnet“, sagt der Veranstalter das Fest am [Samstag] ab.", "present"),
    # a date in the quote has the quote's verbs only: no cue there, no tense (the attribution's
    # "sagt", "said" is not the speaker's)
    ("de", "„Wir fahren am [Freitag] nach Rom“, sagt er.", "unknown"),
    ("en", '"We could see $17 oil by [March]," said an economist.', "unknown"),
    ("en", '"We raised prices in [March]," said an economist.', "past"),
    # a figure between subject and verb was measured then: the main verb's future is not its
    ("en", "Its deposits, about $1.1 billion at the end of [September], will be moved.", "unknown"),
    ("en", "Its deposits, about $1.1 billion, will be moved at the end of [September].", "future"),
    ("en", '"We are ready," Smith says on [Monday].', "past"),
    # a separable prefix on a past plural makes no participle ("stattgefunden" has "-ge-")
    ("de", "Er sagte, dass die Wahlen am [Freitag] stattfanden.", "past"),
    ("de", "Das Gesetz wurde am [Freitag] verboten.", "past"),  # "wurde", not "verboten"
    ("de", "Das Rauchen ist ab [Montag] verboten.", "present"),
    # a relative clause after a comma has its own verb: with no cue in it, the main clause's
    # tense is not taken; one before the date's piece describes a noun
    ("de", "Der Rat billigte den Plan, der Wahlen im [März] vorsieht.", "unknown"),
    ("de", "Die Firma, die im Vorjahr streikte, stimmt am [Freitag] ab.", "unknown"),
    ("de", "Der Minister, der am [Freitag] zurücktrat, wird aussagen.", "past"),
    ("de", "Die Feier am [Samstag] und das Konzert fanden Anklang.", "past"),
    (
        "de",
        "Die Polizei sperrte die Straße, auf der am [Freitag] der Umzug stattfindet.",
        "unknown",
    ),
    ("de", "Die Feuerwehr war im Einsatz, in der Nacht auf [Sonntag] und am Montag.", "past"),
    ("de", "In der Vorwoche waren es 20. Am [Freitag] wird gewählt.", "future"),
    ("de", "Das Fest fand am Sonntag, dem [9. Mai], statt.", "past"),  # the date again
    # an infinitive is no present: the verb that governs it tells the tense
    ("de", "Das Treffen wird am [Mittwoch] enden.", "future"),
    ("de", "Die Gespräche, die am [Freitag] beginnen sollen, sind wichtig.", "future"),
    ("de", "Die Gespräche beginnen am [Freitag].", "present"),
    ("de", "Die Gespräche, die am [Freitag] beginnen, werden dauern.", "present"),
    # a participle as an adjective right after the date is the verb of its own phrase
    ("de", "Das am [Freitag] beschlossene Gesetz tritt im Juli in Kraft.", "past"),
    ("de", "Die am [Montag] beginnende Konferenz wurde abgesagt.", "present"),
    ("de", "Die für [Freitag] geplante Sitzung wurde abgesagt.", "future"),
    # Konjunktiv I of reported speech: present; with a participle a perfect
    ("de", "Er sagte, am [Sonntag] sei die Wahl.", "present"),
    ("de", "Er sagte, er habe am [Freitag] mit Müller gesprochen.", "past"),
    ("de", "Er sagte, er reise am [Freitag] nach Rom.", "present"),  # after "er": a verb
    ("de", "Am [Montag] traf er seine Frau.", "past"),
    # "wie die Gemeinde mitteilte" set off by commas only attributes the sentence
    (
        "de",
        "Die Straße wird, wie die Gemeinde am Montag mitteilte, ab [Mittwoch] gesperrt.",
        "future",
    ),
    ("de", "Wie die Gemeinde am [Montag] mitteilte, wird die Straße gesperrt.", "past"),
    # English
    ("en", "Biden said on [Tuesday] that the US will send troops in March.", "past"),
    ("en", "Biden said on Tuesday that the US will send troops in [March].", "future"),
    ("en", "The law was passed [last week] and will take effect in January.", "past"),
    ("en", "The law was passed last week and will take effect in [January].", "future"),
    ("en", "The vote is scheduled for [Friday].", "future"),
    # a to-infinitive is an act intended or agreed: planned, also after a past verb; a date
    # before it belongs to the verb that governs it, and "to" before a noun is a preposition
    ("en", "The senator agreed to testify on [Feb. 10].", "planned"),
    ("en", "The judge ordered the company to pay by [Friday].", "planned"),
    ("en", "He was subpoenaed [Friday] to testify.", "past"),
    # ... and a marker of a term put off counts where the date's span opens with it
    ("en", "Lenders have extended loans to the company [through January].", "planned"),
    ("en", "The judge adjourned the trial [until Friday].", "planned"),
    ("en", "The office was closed from late December [to early March].", "past"),
    ("en", "The crew has enough oxygen to last until [Aug. 18], officials said.", "planned"),
    ("en", "It was the strongest quake to [hit] Taiwan since 1935.", "past"),  # an event
    ("en", "The company sent letters to shareholders in [May].", "past"),
    ("en", "Shares fell to $30 on [Monday].", "past"),
    ("en", "The treaty is to be signed on [Wednesday].", "future"),
    # a cue after the date counts at twice its distance: "flew" governs "Friday"
    ("en", "The envoy flew to Baghdad on [Friday] for talks expected to last a week.", "past"),
    ("en", "Officials are expected to meet on [Friday].", "future"),
    ("en", "The company announced on [Monday] a new plan.", "past"),
    ("en", "The company has announced a new plan on [Monday].", "past"),
    ("en", "The summit is going to take place in [June].", "future"),
    ("en", "They'll return on [Sunday].", "future"),
    ("en", "The minister is in Paris on [Friday].", "present"),
    ("en", "On [Friday].", "unknown"),
    ("en", "Mr. Smith arrived on [Jan. 5], the U.S. embassy said.", "past"),
    # a piece set off by commas that ends in a verb of saying only attributes the sentence
    ("en", "On [Tuesday], police say, he killed his wife.", "past"),
    ("en", "On [Tuesday], officials said, the plant will close.", "future"),
    ("en", "On [Tuesday], police say.", "present"),
    # a participle after a negated auxiliary is no past: the auxiliary carries the tense
    ("en", "They will protest if elections aren't called by [May].", "present"),
    ("en", "The plant was not closed in [March].", "past"),
    # "re" before a listed past form is a past form too, but "resent" is a present verb
    ("en", "On [Tuesday], troops retook the town.", "past"),
    ("en", "The house was destroyed in 1998 and rebuilt in [May].", "past"),
    ("en", "They resent the ruling of [Tuesday].", "unknown"),
    ("en", "The company laid off 500 workers on [Friday].", "past"),
    # what a plan follows has happened: the nearer cue is past
    ("en", "Airlines will add flights in the wake of the strike on [Monday].", "past"),
    ("en", "Prices will rise in the aftermath of the storm in [September].", "past"),
    # an obligation takes its auxiliary's tense: "had to", "didn't have to" are past
    ("en", "Columbia had to close the branch on [Monday].", "past"),
    ("en", "Previously, Columbia didn't have to adjust the value in [May].", "past"),
    ("en", "The bank did not have to pay the fine on [Monday].", "past"),
    ("en", "The bank will have to close on [Monday].", "future"),
    # a relative clause set off by commas right before the date's piece describes the subject:
    # its past is not the sentence's ...
    ("en", "Compaq, which said it discovered the bugs, announces products on [Nov. 6].", "unknown"),
    ("en", "The Yankees, who won 114 games, open the playoffs [Tuesday] against Texas.", "unknown"),
    # ... also one opened by a preposition and the pronoun
    ("de", "Der Rat, in dem die Grünen gewannen, wählt am [Dienstag] den Chef.", "unknown"),
    # ... but a list after it goes on with the relative clause, and a date inside it is its own
    ("en", "Taylor, who stepped down as chairman, president and chief in [March], left.", "past"),
    ("en", "The senator, who was arrested on [Friday], resigned.", "past"),
    # without commas the relative clause runs into the main verb: its own verb, first after
    # "who", governs the date after it, not the main verb after the date
    ("en", "The senator who resigned on [Friday] will testify next week.", "past"),
    ("en", "The officer who fired the shots on [Monday] is on leave.", "past"),
    ("en", "The board named a new chief, who will take over on [Friday].", "future"),
    ("en", "The plan, which envisages a vote on [Friday], was approved.", "unknown"),
    # after "that" only a past verb governs the date after it: a "would" may be the main
    # clause's future in the past
    ("en", "Companies that reported losses in [March] will get aid.", "past"),
    ("en", "Fears that computers would fail at [midnight] proved unfounded.", "past"),
    ("en", "The minister said the talks that will begin on [Friday] are vital.", "future"),
    ("en", "The official said that the accession was planned for [early March].", "future"),
    # a date set for a plan lies ahead; not one set in a past perfect, nor "called for calm"
    ("en", "The tribunal set [March 22] for the start of the trial.", "future"),
    ("en", "The president called elections for [Jan. 30].", "future"),
    ("en", "The agency had ruled so and set [Friday] as the deadline.", "past"),
    ("en", "He called for calm on [Friday].", "past"),
    ("en", "The runner set a [record] on Friday.", "past"),  # an event's noun is no date
    # an English perfect has its auxiliary first: "said it has" is no "has said"
    ("en", "The company said it has a board meeting on [Friday].", "present"),
    ("en", "The company has closed the plant on [Friday].", "past"),
    ("en", "The company has not yet been paid for the work done on [Friday].", "past"),
    ("en", "The board has a meeting on [Friday] to discuss the plan it announced.", "present"),
    # a word in "-s" right after "he", "she", "it" is a present verb, not an adverb
    ("en", "Mr. Ousley said it sees good opportunities in [March].", "present"),
    ("en", "He said it always rained on [Friday].", "past"),
    # a present verb after a modal is its infinitive: the modal tells the tense
    ("en", "Officials said the plant might reopen on [Friday].", "future"),
    ("en", "The talks may resume in [March].", "future"),
    # "may" is a cue in lower case only: capitalized it is the month, also in capitals
    ("en", "Officials said the thrift may branch out into lending in [March].", "future"),
    ("en", "He may have killed her on [Friday].", "past"),
    ("en", "[May] sales rose.", "past"),
    ("en", "SALES ROSE IN [MAY]", "past"),
    ("en", "THE SELLING MAY CONTINUE THROUGH [MARCH]", "future"),
    # a headline's "X to Y" is its future; in a line in small letters "to" stays planned
    ("en", "COMPANY TO CLOSE PLANT IN [MARCH]", "future"),
    ("en", "It's the fifth storm to hit the coast in [May].", "planned"),
    # an "-ed" word after a determiner is an adjective, no past ("the revised schedule")
    ("en", "The revised schedule puts the vote on [Tuesday].", "unknown"),
    ("en", "The injured driver was released on [Tuesday].", "past"),
    # a plural subject returning or meeting on a day: a schedule; after a determiner, a noun
    ("en", "Senators return [Wednesday], and leaders have not agreed on the rules.", "present"),
    ("en", "The two leaders meet [Friday] in Geneva.", "present"),
    ("en", "Fans cheered the return on [Wednesday] of the star.", "past"),
    # "cut" after an ordinal is a noun ("a first cut"), not the past of "to cut"
    ("en", "Markets are pricing in a first cut by [May].", "present"),
    # "could" with a verb of what markets may do lies ahead; "unlikely before" a forecast
    ("en", "Stocks could struggle in [January] as investors who postponed selling sell.", "future"),
    ("en", "Analysts said the data make a rate rise unlikely before [the summer].", "future"),
    ("en", "Democrats complained, with elections four weeks away on [Nov. 3].", "future"),
    # a comparison's base ("up from 1.1% in the fourth quarter") is a figure already out
    ("en", "She said growth would come in at 1.5%, up from 1.1% in [the fourth quarter].", "past"),
    ("en", "Profit will rise to $2, down from $2.50 in [1989].", "past"),
    # one word on both sides of "to" is no infinitive ("door to door", "face to face")
    ("en", "Volunteers went door to door on [Saturday].", "past"),
    ("en", "The leaders met face to face on [Monday].", "past"),
    # a piece that runs into a bracket is not set off: no aside of a past form
    ("en", "The truce, agreed on Nov. 22, took effect at 7 a.m. (0500 GMT) on [Nov. 24].", "past"),
]


@pytest.mark.parametrize(("language", "marked", "expected"), CASES)
def test_clause_tense(language: str, marked: str, expected: str) -> None:
    start = marked.index("[")
    end = marked.index("]") - 1
    text = marked.replace("[", "").replace("]", "")
    assert clause_tense(text, start, end, language) == expected


def test_span_outside_any_sentence_is_unknown() -> None:
    assert clause_tense("   ", 1, 2, "de") == "unknown"


def test_a_text_without_sentence_ends_is_read_near_the_date_only():
    """A pasted transcript with no periods is no one sentence: a verb thousands of characters
    away does not give a date its tense (and reading the whole text per date was quadratic)."""
    far = "the council met " + "with more and more delegates " * 100 + "on tuesday"
    near = "with more and more delegates " * 100 + "the council will meet on tuesday"
    day = far.rindex("tuesday")
    assert clause_tense(far, day, day + 7, "en") != "past"
    day = near.rindex("tuesday")
    assert clause_tense(near, day, day + 7, "en") == "future"
