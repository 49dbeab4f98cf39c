//! The checks of what classes do with the pack, one function per kind (motions, quiz
//! questions, prompts, the letter card and misconceptions), against what the whole pack defines
//! ([`Known`]): references, languages, lengths, quotations and hedged attributions.

use super::*;
use crate::pack::check::At;

/// Debate motions.
pub(in crate::pack) fn motions(
    c: &mut Checker,
    known: &Known<'_>,
    m_src: &SourceFile,
    m_items: &[Spanned<Motion>],
) {
    for item in m_items {
        let m = item.get_ref();
        let a = at(m_src, item, &m.id);
        c.text(&a, "motion", &m.motion, limits::EMBED_TITLE - 10);
        c.text(&a, "benjamin", &m.benjamin, limits::FIELD_VALUE);
        c.text(&a, "adorno", &m.adorno, limits::FIELD_VALUE);
        c.quote_refs(
            &a,
            "benjamin_quotes",
            &m.benjamin_quotes,
            &known.quote_verified,
        );
        c.quote_refs(&a, "adorno_quotes", &m.adorno_quotes, &known.quote_verified);
        c.references(&a, "concepts", "concept", &m.concepts, &known.concept_ids);
        let cited = known.backing(
            &mut m
                .benjamin_quotes
                .iter()
                .chain(&m.adorno_quotes)
                .map(String::as_str),
        );
        c.quotation(&a, "benjamin", &m.benjamin, &cited, &known.terms);
        c.quotation(&a, "adorno", &m.adorno, &cited, &known.terms);
        let fewest = if c.course { 0 } else { 2 };
        if !(fewest..=3).contains(&m.questions.len()) {
            c.push(
                &a,
                ProblemKind::ChoiceCount,
                format!(
                    "a motion has {fewest}–3 discussion questions, not {}",
                    m.questions.len()
                ),
            );
        }
        for (i, q) in m.questions.iter().enumerate() {
            c.text(
                &a,
                &format!("questions[{i}]"),
                q,
                limits::FIELD_VALUE / 3 - 10,
            );
        }
    }
}

/// Hand-written quiz questions, returned as the questions a round draws from.
pub(in crate::pack) fn quiz(
    c: &mut Checker,
    known: &Known<'_>,
    z_src: &SourceFile,
    z_items: &[Spanned<Question>],
) -> Vec<QuizQuestion> {
    let mut questions = Vec::new();
    for item in z_items {
        let q = item.get_ref();
        let a = at(z_src, item, &q.id);
        let difficulty = Difficulty::parse(&q.difficulty);
        if difficulty.is_none() {
            c.push(
                &a,
                ProblemKind::UnknownDifficulty,
                format!(
                    "`difficulty` is `{}`; write easy, medium or hard",
                    q.difficulty
                ),
            );
        }
        c.text(&a, "prompt", &q.prompt, limits::QUIZ_PROMPT);
        c.optional(&a, "explanation", &q.explanation, limits::FIELD_VALUE);
        question_place(c, known, &a, q);
        question_timing(c, &a, q);
        question_citations(c, known, &a, q);
        question_choices(c, &a, q);
        if let Some(t) = &q.typed {
            super::typed::forms(c, &a, q, t);
        }
        if let Some(d) = difficulty {
            questions.push(authored_question(q, d));
        }
    }
    questions
}

/// A question's one place: a section of the essay (that holds what it asks), a source, or
/// the publication history.
fn question_place(c: &mut Checker, known: &Known<'_>, a: &At<'_>, q: &Question) {
    if let Some(sec) = &q.section {
        c.reference(a, "section", "section", sec, &known.section_ids);
    }
    if let Some(src) = &q.source {
        c.reference(a, "source", "source", src, &known.source_ids);
    }
    let places =
        usize::from(q.section.is_some()) + usize::from(q.source.is_some()) + usize::from(q.history);
    if places == 0 && !c.course {
        c.push(
            a,
            ProblemKind::Empty,
            "a question cites a `section` of the essay, a `source`, or `history = true`".into(),
        );
    } else if places > 1 {
        c.push(
            a,
            ProblemKind::QuizPlace,
            "a question has one place: a `section`, a `source` or `history = true`".into(),
        );
    }
    if let Some(sec) = &q.section {
        let marker = Lang::ALL.into_iter().find_map(|l| {
            rules::history_marker(
                q.prompt.side(l).unwrap_or(""),
                q.explanation.side(l).unwrap_or(""),
            )
        });
        if let Some(marker) = marker {
            c.push(
                a,
                ProblemKind::QuizPlace,
                format!(
                    "the question turns on a publication fact (“{marker}”), which section `{sec}` does not hold; give it `history = true` or a `source`"
                ),
            );
        }
    }
}

/// The bounds of a question's own time ([`SECONDS`]) and points (at most [`MAX_POINTS`]).
fn question_timing(c: &mut Checker, a: &At<'_>, q: &Question) {
    if let Some(n) = q.seconds.filter(|n| !SECONDS.contains(n)) {
        let message = format!(
            "`seconds` is {n}; a question takes {}–{} seconds",
            SECONDS.start(),
            SECONDS.end()
        );
        c.push(a, ProblemKind::OutOfRange, message);
    }
    if let Some(n) = q.points.filter(|n| *n > MAX_POINTS) {
        let message = format!("`points` is {n}; a question is worth 0–{MAX_POINTS} points");
        c.push(a, ProblemKind::OutOfRange, message);
    }
}

/// The time a question may give (seconds), as `/quiz start`'s `seconds`.
pub const SECONDS: std::ops::RangeInclusive<u32> = 10..=300;
/// The most points a question may be worth.
pub const MAX_POINTS: u32 = 2000;

/// What a question quotes and the concepts and quote it names.
fn question_citations(c: &mut Checker, known: &Known<'_>, a: &At<'_>, q: &Question) {
    let cited = known.backing(&mut q.quote.iter().map(String::as_str));
    c.quotation(a, "prompt", &q.prompt, &cited, &known.terms);
    c.quotation(a, "explanation", &q.explanation, &cited, &known.terms);
    c.references(a, "concepts", "concept", &q.concepts, &known.concept_ids);
    if let Some(quote) = &q.quote {
        c.quote_refs(
            a,
            "quote",
            std::slice::from_ref(quote),
            &known.quote_verified,
        );
    }
}

/// A question's answer: 2–4 choices, one of them correct, none twice in a language (with
/// labels and aliases that fit), or a true/false `answer`, never both.
fn question_choices(c: &mut Checker, a: &At<'_>, q: &Question) {
    match (q.choices.is_empty(), q.answer) {
        (true, None) => c.push(
            a,
            ProblemKind::ChoiceCount,
            "a question needs `choices` (multiple choice) or `answer` (true/false)".into(),
        ),
        (false, Some(_)) => c.push(
            a,
            ProblemKind::ChoiceCount,
            "a question has either `choices` or `answer`, not both".into(),
        ),
        _ => {}
    }
    if q.choices.is_empty() {
        return;
    }
    if !(2..=4).contains(&q.choices.len()) {
        c.push(
            a,
            ProblemKind::ChoiceCount,
            format!("a question has 2–4 choices, not {}", q.choices.len()),
        );
    }
    let correct = q.choices.iter().filter(|ch| ch.correct).count();
    if correct != 1 {
        c.push(
            a,
            ProblemKind::CorrectAnswers,
            format!("exactly one choice must be correct; {correct} are"),
        );
    }
    for (i, ch) in q.choices.iter().enumerate() {
        c.text(a, &format!("choices[{i}]"), &ch.text, limits::CHOICE_LABEL);
        for alias in &ch.aliases {
            c.string(
                a,
                &format!("choices[{i}].aliases"),
                alias,
                limits::CHOICE_NAME,
            );
        }
    }
    for lang in Lang::ALL {
        let mut seen = HashSet::new();
        for ch in &q.choices {
            if let Some(s) = ch.text.side(lang)
                && !seen.insert(normalize(s))
            {
                c.push(
                    a,
                    ProblemKind::DuplicateChoice,
                    format!("choice \"{s}\" appears twice ({})", lang.code()),
                );
            }
        }
    }
}

/// Daily discussion prompts.
pub(in crate::pack) fn prompts(
    c: &mut Checker,
    known: &Known<'_>,
    p_src: &SourceFile,
    p_items: &[Spanned<Prompt>],
) {
    for item in p_items {
        let p = item.get_ref();
        let a = at(p_src, item, &p.id);
        c.text(&a, "text", &p.text, limits::PROMPT_TEXT);
        c.optional(&a, "angle", &p.angle, limits::FIELD_VALUE);
        if let Some(q) = &p.quote {
            c.quote_refs(&a, "quote", std::slice::from_ref(q), &known.quote_verified);
        }
        c.references(&a, "concepts", "concept", &p.concepts, &known.concept_ids);
        let cited = known.backing(&mut p.quote.iter().map(String::as_str));
        c.quotation(&a, "text", &p.text, &cited, &known.terms);
        c.quotation(&a, "angle", &p.angle, &cited, &known.terms);
        let backed: &[&str] = p
            .quote
            .as_deref()
            .and_then(|q| known.quote_speakers.get(q))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for (lang, angle) in p.angle.sides() {
            // The author's view, stated bare, points to a section or rests on his quote.
            for who in rules::unsourced_attributions(angle, &known.last_names) {
                if who == known.author && !backed.contains(&who) {
                    c.push(
                        &a,
                        ProblemKind::Attribution,
                        format!(
                            "`angle.{}` states {who}'s view with nothing to check it against: name the section (“(XII)”), cite a quote of his, or hedge it",
                            lang.code()
                        ),
                    );
                }
            }
            for who in rules::bare_attributions(angle, &known.last_names) {
                if who != known.author && !backed.contains(&who) {
                    c.push(
                        &a,
                        ProblemKind::Attribution,
                        format!(
                            "`angle.{}` puts a claim in {who}'s mouth with a bare “Name:”; hedge it (“Adorno might ask…”) or name the work (“Adorno (letter, 1936): …”), or cite a quote of theirs",
                            lang.code()
                        ),
                    );
                }
            }
        }
    }
}

/// Words of a correction that call its claim plausible or unconfirmed, in both languages.
const HEDGES: [&str; 6] = [
    "plausible",
    "not verified",
    "unverified",
    "masuk akal",
    "belum terverifikasi",
    "tidak terverifikasi",
];

/// The letter card and the misconceptions.
pub(super) fn letter(c: &mut Checker, known: &Known<'_>, work: &Parsed<WorkFile>) {
    let w = &work.value;
    if let Some(item) = &w.letter {
        let l = item.get_ref();
        let a = at(&work.src, item, &l.id);
        c.reference(&a, "source", "source", &l.source, &known.source_ids);
        c.reference(&a, "writer", "thinker", &l.writer, &known.thinker_ids);
        c.text(&a, "title", &l.title, limits::EMBED_TITLE);
        c.text(&a, "summary", &l.summary, limits::FIELD_VALUE);
        c.text(&a, "printed", &l.printed, limits::FIELD_VALUE / 2);
        if l.point.is_empty() {
            c.push(
                &a,
                ProblemKind::Empty,
                "the letter card has no `point`".into(),
            );
        }
        for (i, p) in l.point.iter().enumerate() {
            c.text(
                &a,
                &format!("point[{i}].title"),
                &p.title,
                limits::FIELD_NAME,
            );
            c.text(
                &a,
                &format!("point[{i}].text"),
                &p.text,
                limits::FIELD_VALUE / 2,
            );
            c.quote_refs(
                &a,
                &format!("point[{i}].quotes"),
                &p.quotes,
                &known.quote_verified,
            );
            let cited = known.backing(&mut p.quotes.iter().map(String::as_str));
            c.quotation(
                &a,
                &format!("point[{i}].text"),
                &p.text,
                &cited,
                &known.terms,
            );
        }
    }
    for item in &w.misconception {
        let m = item.get_ref();
        let a = at(&work.src, item, &m.id);
        c.text(&a, "claim", &m.claim, limits::FIELD_NAME);
        c.text(&a, "correction", &m.correction, limits::FIELD_VALUE / 2);
        if m.origin != "common" && m.origin != "seed" {
            c.push(
                &a,
                ProblemKind::Schema,
                format!("`origin` is `{}`; write `common` or `seed`", m.origin),
            );
        }
        if m.status != "wrong" && m.status != "unverified" {
            c.push(
                &a,
                ProblemKind::Schema,
                format!("`status` is `{}`; write `wrong` or `unverified`", m.status),
            );
        }
        // A claim whose correction calls it plausible or unconfirmed is not wrong: the card
        // must not cross it out.
        let hedged = HEDGES
            .iter()
            .any(|h| text_all(&m.correction).to_lowercase().contains(h));
        if m.status == "wrong" && hedged {
            c.push(
                &a,
                ProblemKind::Unverified,
                "the correction calls the claim plausible or unverified, so it is not wrong: \
                 write `status = \"unverified\"`"
                    .into(),
            );
        }
        for alias in &m.aliases {
            c.string(&a, "aliases", alias, limits::CHOICE_NAME);
        }
        c.references(&a, "concepts", "concept", &m.concepts, &known.concept_ids);
        c.references(&a, "thinkers", "thinker", &m.thinkers, &known.thinker_ids);
        c.references(&a, "sections", "section", &m.sections, &known.section_ids);
        c.quotation(
            &a,
            "correction",
            &m.correction,
            &known.all_quotes,
            &known.terms,
        );
    }
}
