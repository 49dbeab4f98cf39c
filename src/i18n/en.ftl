# Aura's interface strings in English. Content (definitions, quotes) lives in data/.

## Command and option descriptions (Discord: at most 100 characters)
cmd-quote = A verified quotation from Benjamin's essay or Adorno's critique, with its section
cmd-concept = A concept card: definition, names in three languages, sections, key quote
cmd-debate = A Benjamin-against-Adorno motion with both positions and questions to discuss
cmd-section = One section of the essay (preface, I–XV, epilogue) with its summary
cmd-search = Search concepts, quotes, sections, motions and thinkers
cmd-essay = The essay: titles, versions, publication history and structure
cmd-help = What Aura can do
opt-quote-topic = A concept or words the quote should be about
opt-quote-speaker = Who said it (Benjamin, Adorno, …)
opt-concept-name = The concept, in English, Indonesian or German
opt-debate-motion = A motion (leave empty for a random one)
opt-section-number = I–XV, preface or epilogue
opt-search-query = What to look for

## Errors a member can cause
error-unknown-command = There is no command “{ $name }”. Commands: { $commands }
error-unknown-option = /{ $command } has no option “{ $option }”. Options: { $options }
error-missing-option = /{ $command } needs the option “{ $option }”.
did-you-mean = Did you mean: { $suggestions }?
error-unknown-concept = I don't know a concept called “{ $input }”.
error-unknown-speaker = I don't know anyone called “{ $input }” in this study pack.
error-no-quote = No verified quotation matches that. Try another topic or leave the options empty.
error-unknown-motion = I don't know a motion matching “{ $input }”.
error-no-motion = There are no debate motions in this study pack yet.
error-unknown-section = The essay has no section “{ $input }”. Try I–XV, preface or epilogue.
error-no-results = Nothing in the study pack matches “{ $input }”.
error-internal = Something went wrong on my side. Please try again in a moment.

## Shared pieces
footer-pack = Aura · { $work }
ref-section = section { $label }
ref-footnote = footnote to section { $label }
label-aliases = Also called
label-footnote = footnote

## /concept
heading-names = Names
heading-sections = Where in the essay
heading-key-quote = Key quote
heading-misconception = Common misconception
button-show-quote = Full quote
button-open-section = Open section { $label }
button-quote-on-topic = Quote on this
select-related = Related concepts

## /quote
quote-title = { $speaker } said
heading-translation = Translation
heading-note = Note
heading-concepts = Concepts
button-german = German original
button-another-quote = Another quote

## /debate
debate-title = Motion: { $motion }
debate-intro = Two readings of the same essay. Argue either side — then ask which one the text supports.
heading-benjamin = Benjamin
heading-adorno = Adorno
heading-questions = To discuss
button-another-motion = Another motion

## /section
section-title = Section { $label } · { $title }
section-footer = third version (Zohn's English follows it)
heading-second-version = In the second version
heading-quotes-here = Quoted from this section
select-concepts = Concepts in this section

## /search
kind-concept = Concept
kind-quote = Quote
kind-motion = Motion
kind-section = Section
kind-thinker = Thinker
search-title = Search: { $query }
search-footer = { $count ->
    [one] 1 result
   *[other] { $count } results
}
select-open-result = Open a result

## /essay
heading-versions = Versions
heading-publication = Publication history
heading-structure = Structure
select-section = Open a section

## /help
help-title = Aura — study companion for Benjamin's artwork essay
help-intro = Aura knows Walter Benjamin's “The Work of Art in the Age of Mechanical Reproduction” and Theodor W. Adorno's critique of it. Every quotation is checked against the sources and cites its section.
help-footer = Aura answers in your Discord language: Indonesian or English.

## Discord
button-delete = Delete
error-not-yours = Only the member who asked can delete this reply.
error-stale-button = That button no longer leads anywhere. Try the command again.
error-cooldown = One moment, please — you can use this command again in { $seconds } s.

## Debate votes
heading-vote = Vote
vote-explain = Benjamin, Adorno or undecided? One vote each, and you can change it until the vote closes { $closes }. The tally stays hidden until then.
side-benjamin = Benjamin
side-adorno = Adorno
side-undecided = Undecided
button-close-vote = Close the vote
vote-cast = Your vote: { $side }. You can change it until the vote closes.
vote-changed = Vote changed: { $side }.
vote-closed = This vote is closed; nothing was changed.
vote-not-starter = Only the member who started this debate can close the vote.
heading-result = Result
vote-total = { $total ->
    [one] 1 vote
   *[other] { $total } votes
}
