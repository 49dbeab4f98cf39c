# Aura's interface strings in English. Content (definitions, quotes) lives in data/.

## Command and option descriptions (Discord: at most 100 characters)
cmd-quote = A verified quotation from Benjamin's essay or Adorno's critique, with its section
cmd-concept = A concept card: definition, names in three languages, sections, key quote
cmd-debate = Debates on the essay: a quick vote on a motion, or a class debate with speeches
cmd-section = One section of the essay (preface, I–XV, epilogue) with its summary
cmd-search = Search concepts, quotes, sections, motions and thinkers
cmd-essay = The essay: titles, versions, publication history and structure
cmd-thinker = Who someone is: dates, works, their part in the essay, their verified quotes
cmd-help = What Aura can do
opt-quote-topic = A concept or words the quote should be about
opt-quote-speaker = Who said it (Benjamin, Adorno, …)
opt-concept-name = The concept, in English, Indonesian or German
opt-debate-motion = A motion (leave empty for a random one)
opt-section-number = I–XV, preface or epilogue
opt-search-query = What to look for
opt-thinker-name = Benjamin, Adorno, Horkheimer, Hansen, Zohn, …

## Errors a member can cause
error-unknown-command = There is no command “{ $name }”. Commands: { $commands }
error-unknown-option = /{ $command } has no option “{ $option }”. Options: { $options }
error-missing-option = /{ $command } needs the option “{ $option }”.
did-you-mean = Did you mean: { $suggestions }?
error-unknown-concept = I don't know a concept called “{ $input }”.
concept-unknown-searched = No concept is called “{ $input }”; here is what matches it:
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
ref-part = the { $label }
ref-footnote-part = footnote to the { $label }
label-aliases = Also called
label-footnote = footnote

## /concept
heading-names = Names
heading-sections = Where in the essay
heading-key-quote = Key quote
heading-misconception = Common misconception
button-show-quote = Full quote
button-open-section = Open section { $label }
button-open-part = Open the { $label }
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
section-title-part = { $label } · { $title }
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

## /thinker, the letter card, misconceptions
thinker-title = { $name } ({ $dates })
heading-works = Works
place-history = the essay's versions and publication history, { $essay }
quiz-info-history = Publication history
quiz-info-texts = Other texts
heading-their-quotes = Verified quotes
heading-printed = Where to read it
heading-seed-error = An error in a circulating Indonesian summary
heading-unverified-claim = An unverified claim (not shown false, not confirmed)
heading-footnotes = Footnotes
button-their-quote = A quote of theirs
button-letter = Adorno's letter, 1936
button-essay = The essay's versions and history
select-their-concepts = Their concepts
kind-page = The essay
kind-myth = Misconception
search-did-you-mean = Did you mean **{ $name }**?

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
error-not-your-buttons = Only the member who asked can use these buttons.
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
vote-not-starter = Only the member who started this debate, a moderator or the quiz master can close the vote.
heading-result = Result
vote-total = { $total ->
    [one] 1 vote
   *[other] { $total } votes
}

## Command groups
error-unknown-subcommand = /{ $command } has no subcommand “{ $sub }”. Subcommands: { $subs }
error-server-only = /{ $command } works in a server channel, not here.
error-no-permission = You don't have permission for that here.
error-no-server-permission = That acts on the whole server, so it needs the Manage Messages permission from one of your roles (or the quiz-master role), not only in this channel.

## /quiz
cmd-quiz = Quiz rounds on the essay, for the whole channel
cmd-quiz-start = Start a quiz round in this channel
cmd-quiz-next = Teacher mode: open the next question
cmd-quiz-reveal = Close the question now and reveal the answer
cmd-quiz-skip = Reveal this question now and go on (not counted as idle)
cmd-quiz-stop = End the round now; what was scored stays
cmd-quiz-leaderboard = This server's quiz board
cmd-quiz-me = Your own points, rank and accuracy
cmd-quiz-report = The last round (or, with scope term, the term's gradebook) as a CSV file
cmd-quiz-reset = Clear a period's board
cmd-quiz-access = Who may start, run and reset rounds in this server
opt-quiz-questions = How many questions (1–20, default 5)
opt-quiz-topic = Only questions on this concept
opt-quiz-section = Sections of the essay: II, I–V, or weighted, II*3, V (II three times as likely)
opt-quiz-difficulty = easy, medium or hard
opt-quiz-seconds = Seconds per question (10–300, default 20; 0 in teacher mode: no timer)
opt-quiz-mode = auto: Aura moves on; teacher: you use /quiz next
opt-quiz-scoring = speed: faster earns more (500–1000); flat: 1000 per right answer
opt-quiz-streaks = Streak bonus for right answers in a row (on or off)
opt-quiz-period = week, month, term or all
opt-quiz-who = everyone, role (a quiz-master role) or moderators (Manage Messages)
opt-quiz-role = The quiz-master role
quiz-bad-option = “{ $value }” is not a valid { $option }. Use: { $allowed }
quiz-no-questions = No quiz question matches those settings. Try fewer filters.
quiz-question-title = Question { $number } of { $total }
quiz-time = Time
quiz-closes = Closes { $closes }
quiz-closed = Time is up.
quiz-answered = { $count ->
    [one] 1 answered
   *[other] { $count } answered
}
quiz-nobody = Nobody has points yet.
quiz-line = { $rank }. { $member } — { $points }
quiz-reveal-title = Question { $number }: { $answer }
quiz-counts = Answers
quiz-top = Top five
quiz-idle-stop = Nobody answered for a while, so the round has stopped by itself.
quiz-table-line = { $rank }. { $member } — { $points } points, { $correct }/{ $questions } right
quiz-end-title = The round is over
quiz-end-finished = That was the last question. Well played!
quiz-end-stopped = The round was stopped.
quiz-end-shutdown = Aura is restarting, so the round ends here. Every answer so far is saved and counts on the board.
quiz-end-failed = The round had to end: Aura can no longer post in this channel.
quiz-end-footer = /quiz leaderboard shows the server's board; /quiz me shows yours.
quiz-podium = Podium
quiz-table = Scores
period-week = this week
period-month = this month
period-term = this term
period-all = all time
quiz-board-title = Quiz board — { $period }
quiz-board-empty = No answers in this period yet. Start one with /quiz start!
quiz-board-line = { $rank }. { $member } — { $points } points, { $accuracy }% right, { $wins } won of { $games }
quiz-me-title = Your quiz score — { $period }
quiz-me-none = You have no answers in this period yet.
quiz-me = { $points } points, rank { $rank } of { $players }. { $correct } of { $answered } answers right ({ $accuracy }%). Rounds: { $games } played, { $wins } won.
quiz-locked = Locked in: { $choice }. Good luck!
quiz-already = You already answered this question; your first answer counts.
quiz-too-late = Time is up for this question; your answer was not counted.
quiz-not-open = This question is closed.
quiz-busy = A round is already running in this channel. Wait for it to end, or stop it with /quiz stop.
quiz-started = Round started: { $questions } questions, { $seconds } s each.
quiz-not-running = No round is running in this channel.
quiz-not-starter = Only the member who started the round or a moderator can do that.
quiz-abandoned = Aura restarted, so the round that was running here has ended. Every answer given was saved.
quiz-report-none = No round has been played in this channel yet.
quiz-report-ready = The answers of the last round in this channel ({ $rows } rows).
quiz-reset-confirm = Clear the board for { $period }? Answers stay stored; only this board starts again from zero.
quiz-reset-done = The board for { $period } is cleared.
quiz-reset-cancelled = Nothing was cleared.
button-reset-yes = Yes, clear it
button-cancel = Cancel
quiz-access-set = Quiz rounds can now be run by: { $who }.
quiz-access-everyone = everyone
quiz-access-moderators = moderators (Manage Messages)
quiz-access-role = moderators and { $role }
quiz-access-needs-role = Name the quiz-master role too.
quiz-done = Done.
quiz-wait-reveal = The question is still open: reveal it first with /quiz reveal.
quiz-auto-mode = This round moves on by itself; /quiz next is for teacher mode.
quiz-teacher-hint = Teacher mode: use /quiz reveal, then /quiz next.

## Daily posts
daily-prompt-title = Discussion prompt of the day
daily-quote = Supporting quote
daily-angle = Benjamin against Adorno
terms-field = Terms
daily-quote-title = Quote of the day: { $speaker }
daily-motion-title = Debate of the day: { $motion }
daily-discuss = Discuss in the thread below.
daily-suggested-by = Suggested by { $member }
daily-nothing = There is nothing of that kind in the study pack.
error-bot-permissions = Aura is missing permissions in this channel: { $missing }. A server admin can grant them.
error-bad-input = I could not read those options. Please pick them from the list Discord offers.

## /daily
cmd-daily = The daily discussion post
cmd-daily-setup = Set up a daily post in a channel
cmd-daily-show = Each schedule, its next post and Aura's permissions there
cmd-daily-pause = Pause a schedule
cmd-daily-resume = Resume a schedule
cmd-daily-skip = Skip a schedule's next post
cmd-daily-now = Post today's now (the automatic post then stays out)
cmd-daily-preview = See a sample post, only for you
cmd-daily-queue = See the next items, or put one next
cmd-daily-remove = Remove a schedule
cmd-daily-staff = The channel where member suggestions go
cmd-daily-suggest = Suggest a discussion prompt to the staff
opt-daily-channel = The channel to post in
opt-daily-time = Time of day, HH:MM (24 h)
opt-daily-timezone = Time zone, e.g. Asia/Jakarta
opt-daily-days = daily, weekdays, mon,wed,fri, every 2 days, or monthly 15
opt-daily-language = Language of the posts
opt-daily-kind = Discussion prompt, quote of the day or debate motion
opt-daily-role = A role to ping with each post (optional)
opt-daily-thread = Open a thread on each post (default on)
opt-daily-pin = Pin each post and unpin the last (default on)
opt-daily-schedule = The schedule's number (see /daily show)
opt-daily-next = The id of an item to queue (by default, to post next)
opt-daily-staff-channel = The staff channel
opt-daily-suggest-text = Your prompt (10–300 characters)
daily-none = This server has no daily schedule yet. Set one up with /daily setup.
daily-which = This server has several schedules: name one by its number (see /daily show).
daily-no-such-schedule = There is no schedule with that number here.
daily-set-up = Schedule #{ $id } is set up: { $channel }, next post { $when }, in { $lang }.
daily-both-languages = { $first } and { $second } side by side
daily-staff-set = Member suggestions now go to { $channel }.
daily-paused = Schedule #{ $id } is paused.
daily-resumed = Schedule #{ $id } posts again.
daily-removed = Schedule #{ $id } is removed.
daily-skipped = The post of { $when } will be skipped.
daily-posted-now = Today's post is out. The automatic post will not be sent today.
daily-already = Today's post has already gone out.
daily-paused-because = The schedule is paused: { $reason }
daily-show-title = Daily schedules
daily-show-line = { $channel } at { $time } ({ $zone }), { $days } — { $kind }, { $lang }
daily-show-paused = ⏸ Paused: { $reason }
daily-show-next = Next post: { $when }
daily-show-left = { $left } left before the cycle starts again.
daily-show-low = ⚠ Fewer than seven left: the cycle restarts soon.
daily-show-perms-ok = ✅ Aura has every permission it needs there.
daily-show-perms-missing = ⚠ Aura is missing: { $missing }
daily-show-perms-unknown = Aura could not check its permissions there ({ $error }).
daily-no-such-item = There is no item “{ $item }” for this schedule. See /daily queue.
daily-queue-title = Coming up on schedule #{ $id }
daily-a-suggestion = A member's suggestion
daily-suggest-length = A suggestion needs 10 to { $max } characters.
daily-suggest-too-many = You already have { $max } suggestions waiting for the staff. Please wait for their answer.
daily-suggest-no-staff = This server takes no suggestions yet: the staff have not chosen a channel for them.
daily-suggest-sent = Thank you! Your suggestion went to the staff; you will hear their decision.
daily-suggestion-title = A suggested discussion prompt
daily-suggestion-similar = Similar to a prompt Aura already has
button-approve = Approve
button-deny = Deny
daily-deny-title = Why is it denied?
daily-deny-label = Reason (the member will see it)
daily-decided-already = This suggestion was already decided.
daily-approved-note = Your suggested prompt was approved and joins the queue: “{ $text }”
daily-denied-note = Your suggested prompt was not taken: “{ $text }”. Reason: { $reason }
daily-approved = Approved: it joins the queue.
daily-denied = Denied: { $reason }
button-hint = 💡 Hint
quiz-opens = Answers open { $opens }
quiz-hint-struck = It is not { $choice }.
quiz-hint-section = Look in { $section }.
quiz-hint-none = No hint for this one, sorry.
quiz-hint-cost = (A right answer after a hint earns half.)
quiz-end-goal = Someone reached the round's score goal!
opt-quiz-goal = End the round when someone reaches this many points
quiz-no-hint-now = No hint now: the question is closed, or you already answered.
opt-quiz-sort = Rank by points, accuracy, wins or rounds played
quiz-board-sorted = Ranked by { $by }
sort-points = points
sort-accuracy = accuracy
sort-wins = rounds won
sort-games = rounds played
cmd-daily-past = Past daily posts; one at random to revive a discussion
opt-daily-random = Post one past prompt at random in this channel
daily-past-none = No daily post has gone out in this server yet.
daily-past-list = Latest daily posts
daily-past-title = From the archive ({ $date }): { $title }
button-notify = 🔔 Notify me / stop
daily-notify-on = You will be pinged for the daily posts. Click again to stop.
daily-notify-off = You will no longer be pinged for the daily posts.
daily-notify-failed = Aura could not change your role. A server admin can check that Aura has Manage Roles and that its role is above this one.
opt-quiz-spoilers = Hide each revealed answer behind a spoiler
quiz-reveal-hidden = Question { $number }: the answer (click to show)
cmd-quiz-review = Your missed questions from your last round, with the answers
cmd-quiz-info = What the quiz bank holds: questions by difficulty and section
quiz-info-title = Quiz bank: { $work }
quiz-info = { $total } questions: { $written } written by hand from the sourced reference, { $generated } generated from its concepts, quotes and sections. Only verified quotations are used.
quiz-info-levels = By difficulty
quiz-info-sections = By section
quiz-info-how = Playing
quiz-info-start = /quiz start with a topic, sections (e.g. I–V), a difficulty, the seconds per question, auto or teacher mode, speed or flat scoring, streaks, a score goal and spoilers.
quiz-review-title = Your last round, reviewed
quiz-review-none = You have not played a round in this server yet.
quiz-review-perfect = You got every question right in your last round. Excellent!
quiz-review-intro = You missed { $missed } of { $answered } questions. Here are the answers and where to read more:
difficulty-easy = Easy
difficulty-medium = Medium
difficulty-hard = Hard
error-option-too-long = “{ $option }” can be at most { $max } characters. Please try a shorter one.
daily-role-everyone = @everyone cannot be the daily posts' ping role. Create a role for readers who want the ping.
daily-role-unknown = { $role } is not one of this server's roles.
daily-role-managed = { $role } is managed by an integration, so nobody can hand it out. Create a role for readers who want the ping.
daily-role-above-aura = { $role } is not below Aura's highest role, so Aura will not hand it out. Choose a role lower in the list, or move Aura's role above it.
daily-role-powerful = { $role } grants permissions that @everyone does not have. Members take the ping role by themselves, so it must grant nothing more: choose a plain role, or remove its extra permissions.
daily-role-unchecked = Aura could not read this server's roles to check { $role }. Please try again in a moment.
daily-notify-refused = Aura can no longer hand out this ping role: it has changed since it was set up. A server admin can check it with /daily setup.


## /privacy
cmd-privacy = See what Aura stores about you, and delete it
privacy-title = What Aura stores about you
privacy-intro = Aura keeps these rows about you, in every server it shares with you:
privacy-answers = Quiz answers: { $answers } (in { $rounds } rounds)
privacy-votes = Debate votes: { $votes }
privacy-debating = Sides, speeches, points of information and arguments in class debates: { $debating }
privacy-suggestions = Suggestions for daily prompts: { $suggestions }
privacy-started = Quiz rounds and debate votes you started: { $started } (they stay for the others in them, without your name)
privacy-confirm = Delete all of it? Your answers leave every quiz board; this cannot be undone.
privacy-nothing = Aura stores nothing about you.
privacy-kept = Nothing was deleted.
privacy-deleted = Done: Aura no longer stores anything about you. What was deleted:
privacy-not-yours = Only the member who asked can answer this.
preview-needs-bot = /{ $command } answers from what the running bot has stored; try it in Discord.
button-privacy-delete = Delete everything

## /audit
cmd-audit = Where Aura logs staff actions in this server
cmd-audit-set = Log staff actions in a channel
cmd-audit-off = Stop logging staff actions
opt-audit-channel = The audit channel
audit-set = Staff actions are now logged in { $channel }, without pings.
audit-off-done = Staff actions are no longer logged.
audit-on = { $actor } made this channel Aura's audit log.
audit-off = { $actor } turned Aura's audit log off.
audit-board-reset = { $actor } cleared the quiz board for { $period }.
audit-daily-setup = { $actor } set up daily schedule #{ $id } in { $channel }.
audit-daily-removed = { $actor } removed daily schedule #{ $id }.
audit-daily-paused = { $actor } paused daily schedule #{ $id }.
audit-daily-resumed = { $actor } resumed daily schedule #{ $id }.
audit-daily-skipped = { $actor } skipped the next post of daily schedule #{ $id }.
audit-suggestion-approved = { $actor } approved suggestion #{ $id }.
audit-suggestion-denied = { $actor } denied suggestion #{ $id }. Reason: { $reason }
audit-debate-closed = { $actor } closed a debate vote in { $channel }.
audit-homework-closed = { $actor } closed homework #{ $number } early.
audit-homework-extended = { $actor } extended homework #{ $number } to { $due }.
homework-member-due-early = A member's own due time must come after the class's, { $class_due }; to move everyone's, leave out the member.
homework-member-extended = { $member } has until { $due } ({ $left }) for homework #{ $number }; the class's due time stays { $class_due }. They were told by DM. The class's results are posted once their time has passed too.
homework-member-extended-untold = { $member } has until { $due } ({ $left }) for homework #{ $number }; the class's due time stays { $class_due }. Their DMs are closed, so tell them yourself: the Start button works for them until then. The class's results are posted once their time has passed too.
homework-member-extended-dm = You have more time for homework #{ $number } in { $channel }: until { $due } ({ $left }). Press its Start button to begin or carry on.
audit-homework-member-extended = { $actor } gave a member more time on homework #{ $number }.
audit-quiz-access = { $actor } set who may run quiz rounds: { $who }.
audit-debate-pings-on = { $actor } turned speaker pings on for class debates.
audit-debate-pings-off = { $actor } turned speaker pings off for class debates.
audit-gradebook = { $actor } downloaded the term gradebook.

## Per-server limits (every server gets its fair share)
limit-daily-schedules = This server already has { $max } daily schedules, the most Aura keeps for one server. Remove one with `/daily remove` before setting up another.
limit-waiting-suggestions = This server already has { $max } suggestions waiting for the staff. Please try again once they have decided some.
limit-open-debates-guild = This server already has { $max } debate votes open. Please wait until one closes.
limit-open-debates-channel = This channel already has { $max } debate votes open. Please wait until one closes, or start it in another channel.
limit-quiz-rounds = This server already has { $max } quiz rounds running. Please wait until one ends.
limit-homework = This server already has { $max } homework assignments open. Close one with `/quiz assignments` or wait until one is due.

## Debates: /debate start and the class debate
cmd-debate-start = Start a debate: a quick vote on a motion, or a class debate with speeches
cmd-debate-next = Class debate: move on (open the vote, start or end a speech, show the result)
cmd-debate-pause = Class debate: pause the speech's clock
cmd-debate-resume = Class debate: resume the speech's clock
cmd-debate-extend = Class debate: give the speech one more minute
cmd-debate-speaker = Class debate: name the speaker of the current speech
cmd-debate-end = Class debate: end it now, with the result and the summary
cmd-debate-arguments = Class debate: the argument tree so far
cmd-debate-summary = Class debate: post the summary again
cmd-debate-export = Class debate: the whole debate as a Markdown file
cmd-debate-history = This channel's past debates, with their results
cmd-debate-settings = Debate settings for this server (Manage Server)
opt-debate-format = quick: a vote on the motion; class: sides, speeches and two votes
opt-debate-speech = Length of one speech, 30s to 15m (e.g. 90s, 3m)
opt-debate-sides = join: members pick a side; assign: Aura deals sides to those who are in
opt-debate-bilingual = Cards and lines in Indonesian and English side by side (default: the server's shared posts)
opt-debate-language = Its cards' language (default: the server's shared posts, else yours)
opt-debate-speaker = The member who speaks next (leave empty for a volunteer)
opt-debate-member = The member who speaks
opt-debate-pings = Ping speakers when Aura names them (off: names only)
vote-opened = The vote is open in this channel and closes { $closes }. You, a moderator or the quiz master can close it earlier with its button.
class-server-only = Debates run in a server's channels: start one there.
class-bad-length = “{ $value }” is not a speech length Aura can use: give { $min } seconds to { $max } minutes, for example `90s`, `3m` or `2:30`.
class-cannot-post = Aura could not post the debate in this channel. A server admin can check that Aura may send messages, create threads and pin messages here.
class-started = The class debate is open in { $room }. Its pinned control message has the buttons; moderators can also use `/debate next`, `pause`, `resume`, `extend` and `end` there.
class-ended = This debate has ended.
class-ended-now = The debate has ended: the result and the summary are posted in its thread.
class-none-here = There is no class debate in this thread or channel. Start one with `/debate start format:class`.
class-not-moderator = Only the member who started this debate, a moderator (Manage Messages) or the quiz master can run it.
class-moved = Done.
class-moved-already = Someone moved the debate on a moment ago; nothing else changed.
class-no-speech = No speech is under way.
class-clock-unchanged = The clock was not changed: the speech is not running (or not paused).
class-speaker-set = { $speaker } is the speaker.
class-speaker-changed = The speaker is now { $speaker }.
class-speaker-taken = This speech already has its speaker.
class-speech-over = That speech is over; look at the control message for the current one.
class-not-your-speech = This speech belongs to { $side }'s side.
class-you-speak = You have the floor. Your time is running; good luck!
class-opening-open = 🗳 **Opening vote**: where do you stand before the speeches? Vote with the buttons on the control message; your vote stays private.
class-closing-open = 🗳 **Closing vote**: where do you stand now? Vote with the buttons on the control message; the result follows.
class-paused = ⏸ The speech is paused.
class-resumed = ▶️ The speech goes on; it ends { $ends }.
class-extended = ➕ One more minute: the speech now ends { $ends }.
class-dealt = You are on **{ $side }**'s side in the class debate “{ $motion }” ({ $room }).
class-your-side = You are on { $side }'s side.
class-no-side = You have no side in this debate yet.
class-sides-fixed = Sides can no longer be chosen in this debate.
class-joined = You are on { $side }'s side. You can change sides until the speeches start.
class-in = You're in. Aura deals the sides when the moderator moves on, and tells you yours.
class-poi-not-now = Points of information can be raised only while a speech runs.
class-poi-other-side = Only members of the other side can raise a point of information.
class-poi-already = Your hand is already up for this speech.
class-poi-raised = ✋ Your hand is up. The speaker or the moderator will accept or decline.
class-poi-not-speaker = Only the speaker or the moderator can answer a point of information.
class-poi-none = No hand is up.
class-poi-accepted = ✋ Point of information from { $member }: accepted, you have the floor briefly.
class-poi-declined = ✋ Point of information from { $member }: declined.
class-poi-state-waiting = waiting
class-poi-state-accepted = accepted
class-poi-state-declined = declined
class-argue-no-side = Join a side first: arguments are added for your side.
class-argue-title = An argument for your side
class-argue-claim = Your claim
class-argue-reply = Replying to argument # (optional)
class-argue-source = Quote id or section, e.g. aura-withers or 5
class-argue-bad-claim = A claim needs 5 to 300 characters. Your text: “{ $claim }”
class-argue-bad-reply = There is no argument #{ $value } in this debate. Your claim, to send again: “{ $claim }”
class-argue-bad-source = “{ $value }” is not a verified quote or a section of the essay. Your claim, to send again: “{ $claim }”
class-argue-too-deep = Argument #{ $value } is already a reply at the deepest level this tree shows: answer the claim it replies to instead. Your claim, to send again: “{ $claim }”
class-argue-debate-full = This debate holds its { $value } arguments, the most one debate takes: make your point in the speeches or the closing vote. Your claim: “{ $claim }”
class-argue-member-full = You have added { $value } arguments, the most one member adds to a debate: give the others room. Your claim: “{ $claim }”
class-argued = Argument #{ $number } added. See the tree with `/debate arguments`.
class-argument-parent-removed = (replying to a removed argument)
class-title = Class debate: { $motion }
class-footer = Speeches of { $length } · run by the starter, a moderator or the quiz master · /debate next, pause, resume, extend, end
class-phase-lobby-join = Pick a side with the buttons. You can change sides until the speeches start.
class-phase-lobby-assign = Press **I'm in** to take part: Aura deals two balanced sides when the moderator moves on.
class-phase-opening = **Opening vote**: Benjamin, Adorno or undecided? One private vote each, changeable until the speeches start. The tally is shown at the end.
class-phase-closing = **Closing vote**: where do you stand now? One private vote each; the result compares it with the opening vote.
class-phase-done = The debate has ended. The result and the summary are in this thread.
class-speech-title = Speech { $number } of { $total }: { $part }, { $side }
class-part-opening = Opening
class-part-rebuttal = Rebuttal
class-part-closing = Closing
class-team = { $side }'s side
class-clock-waiting = Waiting for a speaker: a member of { $side }'s side presses **I'll speak**.
class-clock-running = Speaker: { $speaker } · { $length } · ends { $ends }
class-clock-paused = Speaker: { $speaker } · paused with { $left } left
class-clock-over = Speaker: { $speaker } · time was up { $ended }
class-warning = ⏳ { $speech }: { $left } left for { $speaker } (ends { $ends }).
class-time = ⏰ **Time!** { $speech }: { $speaker }, please finish your sentence.
class-timed-out = ⌛ The debate has run for three hours and ends here.
debate-restarting-class = ⏸️ Aura is restarting for a moment. This debate is saved, with its speeches, sides and votes, and carries on here when Aura is back.
debate-restarting-vote = ⏸️ Aura is restarting for a moment. Every vote cast is saved, and the vote stays open until it closes { $closes }.
class-side-heading = { $side } ({ $count })
class-in-heading = In ({ $count })
class-order-heading = Speeches
class-poi-heading = Points of information
class-arguments-heading = Arguments
class-arguments-count = { $total } so far (Benjamin { $benjamin }, Adorno { $adorno }) · `/debate arguments`
class-arguments-title = Arguments: { $motion }
class-arguments-none = No arguments yet. Add one with the “Add an argument” button.
class-arguments-legend = Replies sit under what they answer: “+” supports it, “−” objects to it.
class-button-join = Join { $side }
class-button-in = I'm in
class-button-mine = My side
class-button-argue = Add an argument
class-button-speak = I'll speak
class-button-poi = ✋ Point of information
class-button-poi-yes = Accept the point
class-button-poi-no = Decline the point
class-button-pause = Pause
class-button-resume = Resume
class-button-extend = +1 minute
class-next-lobby = Open the opening vote ▶
class-next-deal = Deal sides, open the vote ▶
class-next-opening = Start the speeches ▶
class-next-start = Start without a named speaker ▶
class-next-speech = End the speech ▶
class-next-last = End the speech, open the closing vote ▶
class-next-closing = Close the vote, show the result ▶
class-result-opening = Opening vote: { $tally }
class-result-sealed = A vote is open: its count stays hidden from everyone until it closes.
class-result-closing = Closing vote: { $tally }
class-result-shift = Shift: Benjamin { $benjamin } points, Adorno { $adorno } points
class-result-winner = { $side } wins: the side that changed more minds
class-result-tie = A tie: both sides gained the same
class-result-unmoved = Nobody changed their mind: no side gained
class-result-no-closing = No closing vote was taken: no winner
class-summary-title = Debate summary: { $motion }
class-summary-intro = { $date } · { $members } members · speeches of { $length }
class-summary-footer = The winner is the side that gained more percentage points between the two votes (the Intelligence Squared rule). /debate export gives everything as a file.
class-sides-heading = Sides
class-speeches-heading = Speeches and time used
class-used = { $used } of { $allowed }
class-not-held = not held
class-poi-count = points of information: { $accepted } accepted, { $declined } declined
class-poi-total = { $total } raised: { $accepted } accepted, { $declined } declined
class-quotes-heading = Verified quotes for { $side }
class-export-meta = { $members } members · speeches of { $length }
class-export-ready = The debate as Markdown:
class-history-title = Debates in this channel
class-history-heading = Newest first
class-open-in-server = Open now in this server ({ $count })
class-open-end-heading = Ending one
class-open-end = A class debate: `/debate end` in its thread. A quick vote: **Close** on its card. A moderator ends any of them, whoever started it.
limit-open-debates-member = You already have a debate open in this server. Close it (or let it end) before you start another; teachers may open more.
class-history-none = No debates in this channel yet.
class-history-open = still open
class-format-quick = quick vote
class-format-class = class debate
class-pings-on = Speakers are now pinged when Aura names them in a class debate.
class-pings-off = Speakers are named without a ping.

## classroom: charts
chart-split-title = Question { $number }: { $total ->
    [one] 1 answer
   *[other] { $total } answers
}
chart-split-alt = Answers to question { $number }, { $total } in all: { $list }; correct: { $correct }.
chart-split-alt-hidden = Answers to question { $number }, { $total } in all: { $list }.
chart-board-title = Top { $count } — { $period }
chart-board-alt = Quiz board, { $period }, top { $count } by { $by }: { $list }.
chart-board-points = { $n ->
    [one] 1 point
   *[other] { $n } points
}
chart-board-accuracy = { $n }% right
chart-board-wins = { $n ->
    [one] 1 round won
   *[other] { $n } rounds won
}
chart-board-games = { $n ->
    [one] 1 round played
   *[other] { $n } rounds played
}
chart-member = member …{ $tail }
chart-shift-title = Votes before and after the debate
chart-shift-opening = Opening vote
chart-shift-closing = Closing vote
chart-shift-row = { $side }: { $before } before, { $after } after ({ $shift } points)
chart-shift-alt = Opening and closing votes. { $list }. The shift in percentage points: Benjamin { $benjamin }, Adorno { $adorno }.
quiz-sample-note = A sample class: names and numbers are made up
## classroom: teams
opt-quiz-teams = Play in teams: 2, 3 or 4 teams, or Benjamin against Adorno
team-red = Red
team-blue = Blue
team-green = Green
team-yellow = Yellow
team-benjamin = Benjamin
team-adorno = Adorno
quiz-teams-title = Teams
quiz-teams-pick-auto = Pick your team with a button; the first question comes { $opens }.
quiz-teams-pick-teacher = Pick your team with a button; the teacher opens the first question with /quiz next.
quiz-teams-set = The teams are set: no more switching.
quiz-teams-dealt = Whoever answers without a team is dealt into the smallest one. A team scores the mean of its members' points, so a small team can win.
quiz-team-size = { $count ->
    [one] 1 member
   *[other] { $count } members
}
quiz-team-nobody = nobody yet
quiz-team-more = … and { $count } more
quiz-team-joined = You play for { $team }. Good luck!
quiz-team-already = You are already in { $team }.
quiz-team-locked = The teams were set when the first question came; you stay in { $team }.
quiz-team-dealt = The teams are set, so you join the smallest: you play for { $team }.
quiz-team-closed = This round has ended; there is no team to join.
quiz-team-yours = You play for { $team }.
quiz-teams-started = Teams: members pick one with the buttons on the round's first message.
quiz-teams-teacher-hint = Teams: members pick one first; open the first question with /quiz next.
quiz-teams = Teams
quiz-team-line = { $rank }. { $team } — { $mean } ({ $size })
quiz-team-line-empty = { $rank }. { $team } — empty
quiz-team-best = best: { $member } ({ $points })
quiz-teams-podium = Teams
quiz-team-wins = { $team } wins the round!
quiz-team-tie = The top teams are tied!
## classroom: learning (practice, insights, gradebook)
cmd-quiz-practice = Practise privately: the questions you are due to see again
opt-quiz-practice-topic = Only questions on this concept
cmd-quiz-insights = What the class gets wrong: most-missed questions, accuracy per concept (teachers)
opt-quiz-channel = Only rounds and homework in this channel
opt-quiz-scope = round: the last round's answers · term: one row per member for the term
quiz-practice-title = Practice · question { $number } of { $total }
quiz-practice-footer = Questions you miss come back soon; the ones you know wait longer.
quiz-practice-last = Your last answer
quiz-practice-right = ✅ Right: **{ $answer }**
quiz-practice-wrong = ❌ Not quite. The answer is **{ $answer }**
quiz-practice-due-now = back in your next practice
quiz-practice-due-at = due again { $due }
quiz-practice-line = { $mark } { $question } → box { $box }, { $due }
quiz-practice-summary-title = Your practice
quiz-practice-summary = Done: { $right } of { $total } right. Here is where each question went.
quiz-practice-boxes-heading = Boxes
quiz-practice-boxes = Box 1 comes back at once, box 2 after 10 minutes, box 3 after a day, box 4 after 3 days, box 5 after a week, box 6 after 3 weeks.
quiz-practice-nothing-due = Nothing to practise right now: you have answered every question and none is due yet. The next one is due { $due }.
quiz-practice-nothing = Nothing to practise right now. Play a round or try another topic.
quiz-practice-over = This practice run is over. Start another with /quiz practice.
quiz-practice-answered = You have already answered this question.
quiz-me-practice = Practice
quiz-me-due = { $due ->
    [0] No question is due for practice now.
    [one] 1 question is due for practice now (/quiz practice).
   *[other] { $due } questions are due for practice now (/quiz practice).
}
quiz-me-next-due = The next one is due { $due }.
quiz-insights-title = What the class gets wrong — { $period }
quiz-insights-title-channel = What the class gets wrong — { $period }, { $channel }
quiz-insights-none = No answers in this period yet: play a round or set homework first.
quiz-insights-intro = From { $answers } answers (rounds, homework and practice). Open a concept below to start the discussion where it is needed.
quiz-insights-missed = Most-missed questions
quiz-insights-missed-line = **{ $rank }.** { $question } — missed by { $rate }% ({ $answers } answers)
quiz-insights-wrong = ↳ most chosen wrong answer: “{ $answer }” ({ $share }% of answers)
quiz-insights-no-misses = Every answer was right. Well done, class!
quiz-insights-accuracy-line = { $name }: { $percent }% ({ $correct }/{ $answers })
quiz-insights-concepts = Accuracy per concept (weakest first)
quiz-insights-sections = Accuracy per section (weakest first)
quiz-insights-footer = Shares count every answer to a question: live rounds, homework and practice.
quiz-insights-chart-title = Accuracy per concept
quiz-insights-chart-alt = Bar chart of the class's accuracy per concept, weakest first: { $bars }
quiz-insights-open = Open a concept's card…
quiz-report-term-none = Nobody has answered a round or homework this term yet.
quiz-report-term-ready = The term's gradebook: { $rows } members, one row each.
quiz-insights-sample = A sample class of twelve: in your server, /quiz insights reads your class's own answers.


## classroom: homework
cmd-quiz-assign = Homework: questions each member answers privately before a due time
cmd-quiz-assignments = This server's homework; teachers close one early or extend it
opt-homework-due = Due date and time, e.g. 2026-12-05 18:00, 5/12 18:00 or tomorrow 18:00
opt-homework-timezone = Time zone of the due time, e.g. Asia/Jakarta (default: the daily post's, else UTC)
opt-homework-time-limit = Seconds per question (10–600; default: no limit)
opt-homework-action = close: close it now and post the summary; extend: move its due time
opt-homework-id = The homework's number (#1, #2 … as listed)
opt-homework-new-due = The new due date and time (for extend)
opt-homework-member = Extend for this member alone (privately); leave out to move the class's due time
button-homework-start = Start
homework-title = Homework #{ $number }
homework-intro = { $questions ->
    [one] One question on the essay, to answer on your own, at your own pace.
   *[other] { $questions } questions on the essay, to answer on your own, at your own pace.
}
homework-due = Due { $due } ({ $left }).
homework-closed-at = Closed { $closed }.
homework-footer-open = Press Start when you are ready. One attempt each; what you answer is seen by you alone.
homework-footer-closed = This homework is closed. The class's results are posted below.
homework-limit-heading = Time limit
homework-limit = { $seconds } seconds per question
homework-question-title = Homework #{ $homework } — question { $number } of { $total }
homework-answer-by = Answer { $by }; a later answer counts as missed.
homework-right = Question { $number }: right!
homework-wrong = Question { $number }: not quite.
homework-missed = Question { $number }: time ran out, so it counts as missed.
homework-stale = You answered question { $number } already; here is where you are now.
homework-finished = You have finished: { $score } of { $total } right. The class's results come after the due time, { $due }.
homework-posted = Homework #{ $number } is posted: { $questions } questions, due { $due } ({ $zone }). It closes by itself and posts the class's results; /quiz assignments lists it.
homework-closed-notice = Homework #{ $number } closed { $closed }, so it no longer takes attempts. Thank you for looking!
homework-closed-answer = Homework #{ $number } has closed; the answers you gave before count.
homework-done-already = You have done homework #{ $number } already ({ $score } of { $total } right): there is one attempt each. The class's results come after the due time.
homework-not-started = Press Start on the homework's message first.
homework-gone = This homework's questions are no longer available. Ask your teacher for a new one.
homework-due-unreadable = Aura cannot read “{ $value }” as a date and time for { $option }. Write it like 2026-12-05 18:00, 5/12 18:00 or tomorrow 18:00.
homework-due-past = “{ $value }” in { $option } has already passed. Give a time in the future.
homework-due-far = “{ $value }” in { $option } is more than { $days } days ahead. Give an earlier time.
homework-zone-unknown = “{ $value }” in { $option } is not a time zone Aura knows. Use a name such as Asia/Jakarta or Europe/London.
homework-summary-title = Homework #{ $number }: the class's results
homework-completion = { $started ->
    [one] 1 member started, { $finished } finished.
   *[other] { $started } members started, { $finished } finished.
}
homework-mean = Mean score of those who finished: { $mean } of { $total } ({ $percent }%).
homework-nobody-finished = Nobody finished, so there is no mean score.
homework-hardest = Hardest: question { $number } ({ $correct } of { $answered } right, { $percent }%)
homework-chart-alt = How the class answered question { $number }: { $answered } answers, one bar per choice; the right answer, { $right }, is marked.
homework-summary-footer = The mean counts the members who finished; a question left past its time limit counts as missed.
homework-list-title = Homework in this server
homework-list-open = Open
homework-list-past = Closed
homework-list-none = None.
homework-list-empty = No homework yet. A teacher sets one with /quiz assign.
homework-list-footer = Teachers: /quiz assignments action:close id:… closes one now; action:extend id:… due:… moves its due time (with member:, for that member alone).
homework-list-line = **#{ $number }** · { $questions } questions · { $when } · { $channel } — { $started } started, { $finished } finished, { $mean }
homework-list-due = due { $due } ({ $left })
homework-list-more-time = due { $due } for the class; open for { $count ->
    [one] one member
   *[other] { $count } members
} given more time
homework-list-closed = closed { $closed }
homework-list-mean = mean { $percent }%
homework-list-no-mean = no mean yet
homework-needs-id = Name the homework with { $option } (its number in /quiz assignments).
homework-no-such = There is no homework #{ $number } in this server; /quiz assignments lists them.
homework-already-closed = Homework #{ $number } is already closed.
homework-close-confirm = Close homework #{ $number } now? Attempts under way end where they are, and the class's results are posted at once. This cannot be undone.
homework-close-cancelled = Homework #{ $number } stays open.
button-homework-close = Close it now
homework-closed-early = Homework #{ $number } is closed, and the class's results are posted in { $channel }.
homework-extend-needs-due = Give the new due time in { $option }.
homework-extended = Homework #{ $number } is now due { $due } ({ $left }); its message shows the new time.
privacy-homework = Homework attempts: { $homework } (their answers are among the quiz answers)
privacy-keeps-attempts = Kept after deleting: the bare fact that you started { $open } homework { $open ->
    [one] assignment that is
   *[other] assignments that are
} still open (not one of your answers), so that one attempt stays one attempt.
privacy-kept-attempts = Kept: the bare fact that you started { $open } homework { $open ->
    [one] assignment that is
   *[other] assignments that are
} still open, without any answer, so that one attempt stays one attempt.
## classroom: typed answers
opt-quiz-kind = buttons: click a choice; typed: type the answer; mixed: typed and buttons in turn
quiz-no-typed-questions = No question that accepts a typed answer matches those settings. Try `kind: mixed`, or fewer filters.
quiz-typed-how = ✍️ Type your answer: press **Answer**. Spelling need not be perfect.
button-type-answer = ✍️ Answer
quiz-typed-title = Question { $number }: your answer
quiz-typed-label = Your answer (a name, a term or a year)
quiz-typed-locked = Locked in: “{ $answer }”. You will see at the reveal whether it counts. Good luck!
quiz-typed-empty = Your answer was empty, so nothing was locked in. Press **Answer** again to type it.
quiz-typed-too-long = Your answer has { $count } characters; an answer can have at most { $max }. Nothing was locked in: press **Answer** again and type just the name or term.
quiz-typed-not-typed = This question is answered with its buttons.
quiz-typed-accepted = Accepted answers
quiz-typed-right = { $right } of { $answered } typed it right
quiz-info-kind = /quiz start kind: typed asks for the answer to be typed (questions whose answer is a name, a term or a year); mixed alternates typed and buttons.

opt-help-command = One command to explain, e.g. quiz start
help-more = `/help command:` explains one command: its options, who may use it, an example.
help-unknown-command = There is no command “{ $command }”. Try `/help` for the list.
help-subcommands = Subcommands
help-options = Options
help-no-options = None.
help-option-required = required
help-option-optional = optional
help-who = Who may use it
help-example = Example
help-who-anyone = Any member.
help-who-run-rounds = As the server's `/quiz access` allows: moderators (Manage Messages) by default, a quiz-master role, or everyone.
help-who-steer-round = Whoever started the round, a moderator (Manage Messages) or a quiz master.
help-who-steer-debate = Whoever started the debate, or a moderator (Manage Messages).
help-who-teacher = Teachers: moderators (Manage Messages) and the quiz-master role.
help-who-assignments = Any member lists them; closing or extending one is for its teacher or a moderator.
help-who-staff = Server staff (Manage Server).
help-who-language = Any member, for themselves; `posts:` (the server's shared posts) is for server staff (Manage Server).
help-example-quote = /quote topic:aura speaker:Benjamin
help-example-concept = /concept name:aura
help-example-debate = /debate start
help-example-debate-start = /debate start format:class speech:3m
help-example-debate-next = /debate next
help-example-debate-pause = /debate pause
help-example-debate-resume = /debate resume
help-example-debate-extend = /debate extend
help-example-debate-speaker = /debate speaker member:@Sari
help-example-debate-end = /debate end
help-example-debate-arguments = /debate arguments
help-example-debate-summary = /debate summary
help-example-debate-export = /debate export
help-example-debate-history = /debate history
help-example-debate-settings = /debate settings pings:off
help-example-section = /section number:XIII
help-example-search = /search query:What does Benjamin say about architecture?
help-example-thinker = /thinker name:Adorno
help-example-essay = /essay
help-example-quiz = /quiz start
help-example-quiz-start = /quiz start questions:5 seconds:30 mode:teacher
help-example-quiz-next = /quiz next
help-example-quiz-reveal = /quiz reveal
help-example-quiz-skip = /quiz skip
help-example-quiz-stop = /quiz stop
help-example-quiz-leaderboard = /quiz leaderboard period:week
help-example-quiz-me = /quiz me period:term
help-example-quiz-report = /quiz report scope:term
help-example-quiz-review = /quiz review
help-example-quiz-info = /quiz info
help-example-quiz-reset = /quiz reset period:week
help-example-quiz-access = /quiz access who:role role:@Quizmaster
help-example-quiz-practice = /quiz practice topic:aura
help-example-quiz-insights = /quiz insights period:term
help-example-quiz-assign = /quiz assign due:tomorrow 18:00 timezone:Asia/Jakarta
help-example-quiz-assignments = /quiz assignments
help-example-daily = /daily show
help-example-daily-setup = /daily setup channel:#diskusi time:08:00 timezone:Asia/Jakarta
help-example-daily-show = /daily show
help-example-daily-pause = /daily pause schedule:1
help-example-daily-resume = /daily resume schedule:1
help-example-daily-skip = /daily skip schedule:1
help-example-daily-now = /daily now
help-example-daily-preview = /daily preview kind:motion
help-example-daily-queue = /daily queue schedule:1
help-example-daily-remove = /daily remove schedule:1
help-example-daily-staff = /daily staff channel:#staff
help-example-daily-past = /daily past
help-example-daily-suggest = /daily suggest text:Is a museum selfie still art?
help-example-privacy = /privacy
help-example-audit = /audit set channel:#audit
help-example-audit-set = /audit set channel:#audit
help-example-audit-off = /audit off
help-example-help = /help command:quiz start
daily-low-stock = ⚠ Daily schedule #{ $id } in { $channel } has { $left } left before its cycle starts again from the beginning. Approve members' suggestions (`/daily suggest`) or put an item next with `/daily queue` if the class should not see repeats yet.
class-history-page = Page { $page } of { $pages } · { $total ->
    [one] one debate
   *[other] { $total } debates
}
class-history-newer = ◀ Newer
class-history-older = Older ▶
search-footer-paged = Page { $page } of { $pages } · { $count } results
button-page-previous = ◀ Previous
button-page-next = Next ▶
opt-quiz-players = Wait for this many players to say they are in before the first question (2–50)
quiz-players-title = Quiz round: who is in?
quiz-players-count = **{ $joined } of { $needed }** players are in.
quiz-players-until = Press **I'm in** to play: the first question comes as soon as { $needed } are in; with fewer, the round does not start ({ $until }).
quiz-players-teacher = Press **I'm in** to play: the first question comes as soon as { $needed } are in, or when the teacher opens it.
quiz-players-enough = Enough players: here comes the first question.
quiz-players-closed = The round is not waiting any more.
quiz-players-in = You are in: { $joined } of { $needed }.
quiz-players-late = This round is not waiting for players any more.
quiz-end-too-few = Not enough players said they were in: the round did not start.
button-quiz-in = I'm in
## /lookups
cmd-lookups = How the study commands answer in this server
cmd-lookups-settings = Cooldowns, repeats and public or private answers for the study commands
cmd-lookups-channel = Make the study commands answer publicly or only privately in one channel
opt-lookups-channel-cooldown = Seconds (0–3600) before a study command answers in a channel publicly again (0: off)
opt-lookups-server-cooldown = Seconds (0–3600) before a study command answers in the server publicly again (0: off)
opt-lookups-repeat-minutes = Minutes (0–1440) before one quote, concept, section or thinker shows again in a channel (0: off)
opt-lookups-answers = Answer publicly or only privately (default: publicly)
opt-lookups-channel = The channel
opt-lookups-channel-answers = Publicly, only privately, or as the server's default
lookups-title = Study commands in this server
lookups-intro = Rules for /quote, /concept, /section, /search, /thinker, /essay and /help, beside each member's own cooldown. An answer the channel should not see now is never refused: it goes to the member alone, saying why.
lookups-channel-cooldown = Cooldown per channel
lookups-server-cooldown = Cooldown per server
lookups-repeat = The same entry again in a channel
lookups-answers = Answers
lookups-public = publicly
lookups-private = only privately
lookups-private-in = Only privately in
lookups-public-in = Publicly in
lookups-off = off
lookups-seconds = { $n ->
    [one] after 1 second
   *[other] after { $n } seconds
}
lookups-minutes = { $n ->
    [one] after 1 minute
   *[other] after { $n } minutes
}
lookups-more = and { $n } more
lookups-too-many-channels = A server can give at most { $max } channels their own rule. Return one to the server's default first (`answers:default`).
lookup-channel-cooldown = This channel had this command a moment ago, so the answer is for you alone; it answers the channel again { $when }.
lookup-server-cooldown = This server had this command a moment ago, so the answer is for you alone; it answers publicly again { $when }.
lookup-repeated = This was shown in this channel { $when }, so this time it is for you alone.
audit-lookup-rules = { $actor } changed the rules for the study commands.
audit-lookup-channel = { $actor } changed how the study commands answer in { $channel }.
help-example-lookups = /lookups settings channel_cooldown:30 repeat_minutes:60
help-example-lookups-settings = /lookups settings channel_cooldown:30 repeat_minutes:60
help-example-lookups-channel = /lookups channel channel:#general answers:private
## Voting to skip, and the penalty for mashing
opt-quiz-skip-votes = Votes that skip a question (0: no votes; default: a majority of the last question's players)
opt-quiz-penalty = Points a wrong answer within the first second costs (0–1000; default 0: none)
button-skip-vote = Vote to skip
quiz-skip-vote-counted = Your vote to skip is counted: { $votes } of { $needed }.
quiz-skip-vote-passed = { $votes } of { $needed } voted: the question is skipped.
quiz-skip-vote-off = This round takes no votes to skip: the teacher skips with /quiz skip.
quiz-skipped-by-vote = ⏭ Skipped by the class's vote.
quiz-rule-skip-off = Only the teacher skips a question.
quiz-rule-skip-majority = A question is skipped when a majority of those who answered the one before vote to skip it (two votes for the first).
quiz-rule-skip-count = A question is skipped when { $count } vote to skip it.
quiz-rule-penalty = A wrong answer within the first second costs { $points } points, taken from your next points (never below zero).
quiz-mashed-title = Too fast
quiz-mashed = { $count ->
    [one] One answer was
   *[other] { $count } answers were
} wrong within the first second: { $points } points each, taken from the next points.
opt-daily-priority = next: first of all; high: after other urgent ones; normal: end of queue; low: after the cycle
daily-queued = queued: { $priority }
quiz-board-page = Page { $page } of { $pages } · { $players ->
    [one] one player
   *[other] { $players } players
}
## /course
cmd-course = What your class sees of the study pack
cmd-course-hide = Hide a question, prompt or motion from this server's class
cmd-course-show = Show a hidden question, prompt or motion again
cmd-course-hidden = List what this server hides
opt-course-item = The question, prompt or motion (its id, or words from it)
course-no-such-item = I know no single question, prompt or motion called “{ $item }”. Pick one from the list as you type, or give its id.
course-hidden-now = Hidden from this server's class: { $kind } { $item } — { $text }. Rounds, homework, practice, daily posts and debates will not draw it.
course-hidden-already = That { $kind } ({ $item }) was already hidden here.
course-shown-now = Shown again in this server: { $kind } { $item } — { $text }.
course-shown-already = That { $kind } ({ $item }) is not hidden here.
course-hidden-title = Hidden in this server
course-hidden-none = Nothing is hidden: your class sees the whole study pack.
course-hidden-count = { $count ->
    [one] One item is hidden from your class. `/course show` brings it back.
   *[other] { $count } items are hidden from your class. `/course show` brings one back.
}
course-hidden-question = Questions
course-hidden-prompt = Prompts
course-hidden-motion = Motions
debate-motion-hidden = Your teacher has hidden that motion in this server. Pick another, or leave the motion out for one the channel has not debated lately.
audit-course-hidden = { $actor } hid { $item } from the class.
audit-course-shown = { $actor } showed { $item } to the class again.
help-example-course = /course hidden
help-example-course-hide = /course hide item:question:benjamin:tf-aura-vibe
help-example-course-show = /course show item:question:benjamin:tf-aura-vibe
help-example-course-hidden = /course hidden
homework-reminder-title = ⏰ Homework #{ $number }: a reminder
homework-reminder-day = Homework #{ $number } ({ $questions } questions) is due { $left }, on { $due }. Not started yet? Press **Start**: you answer privately, at your own pace.
homework-reminder-hour = One hour left: homework #{ $number } closes { $left } ({ $due }). Press **Start** to answer now, or finish what you began.
cmd-course-plan = Which sections your class reads in which week
opt-course-start = The term's first day, as 2026-09-07 (week 1 is the seven days from it)
opt-course-timezone = The class's time zone, e.g. Asia/Jakarta (default: UTC)
opt-course-week = A week of the term (1–52), with sections
opt-course-sections = That week's sections: II, I–III, or none to clear the week
course-plan-title = Reading plan
course-plan-unset = No start date yet: set one with `start:` (and `timezone:`), then each week's sections with `week:` and `sections:`.
course-plan-start = Week 1 began on { $start } ({ $zone }); this is week { $week }. Rounds, homework and practice draw from the sections read so far unless a command names its own (`section:all` for the whole essay).
course-plan-no-weeks = No week has sections yet.
course-plan-weeks = Weeks
course-plan-week = Week { $week }
course-plan-week-and-sections = Give a week and its sections together, e.g. `week:3 sections:IV–VI` (`sections:none` clears the week).
section-not-reached = Your class reads this section in week { $week } of its plan: ahead of you for now.
audit-reading-plan = { $actor } changed the reading plan.
help-example-course-plan = /course plan week:3 sections:IV-VI

## /course: the server's own items
cmd-course-add = Write one of this server's own questions, prompts or motions in a form
cmd-course-import = Add this server's own items from a TOML or CSV file
cmd-course-export = This server's own items as a file that imports again
cmd-course-items = List or search this server's own items
cmd-course-delete = Delete one of this server's own items (after a confirmation)
opt-course-kind = A question, a discussion prompt or a debate motion
opt-course-id = Its id (letters, digits, - and _); an id in use replaces that item
opt-course-file = A .toml or .csv file of questions, prompts and motions (at most 256 KiB)
opt-course-search = Words of its id or text
opt-course-own-item = The item to delete
opt-quiz-source = The study pack's questions, your teachers' own, or both (default)
help-example-course-add = /course add kind:question id:tue-1 difficulty:easy
help-example-course-import = /course import file:lecture.toml
help-example-course-export = /course export
help-example-course-items = /course items search:film
help-example-course-delete = /course delete item:question:tue-1
course-by-teacher = ✎ From your teacher — not from the study pack
course-no-own-questions = This server has no questions of its own that fit. A teacher adds them with `/course add` or `/course import`.
course-form-title-question = Your question
course-form-title-prompt = Your discussion prompt
course-form-title-motion = Your debate motion
course-form-prompt = The question
course-form-choices = Choices, a line each; * marks the right one
course-form-explanation = What the reveal explains (optional)
course-form-section = Section of the essay (optional), e.g. II
course-form-timing = Seconds, points (optional), e.g. 30, 500
course-form-text = The prompt
course-form-angle = A Benjamin-against-Adorno angle (optional)
course-form-motion = The motion
course-form-benjamin = Benjamin's side
course-form-adorno = Adorno's side
course-form-questions = Discussion questions, a line each (optional)
course-form-mark-one = Mark exactly one choice as the right one with a leading `*`, or write only `true` or `false`.
course-form-timing-unreadable = “{ $typed }” is not seconds and points: write two numbers, e.g. `30, 500` (`, 0` for a warm-up worth nothing).
course-form-no-section = “{ $typed }” is not a section of the essay: write Preface, I–XV or Epilogue.
course-form-refused = Nothing was saved. The study pack's rules found:
course-your-text = What you wrote (nothing is lost)
course-draft-gone = This draft has expired or is not yours; nothing was saved. Start again with `/course add` or `/course import`.
course-import-kind = { $file } is neither a .toml nor a .csv file. Export your items with `/course export` to see the format.
course-import-too-large = { $file } is larger than { $kib } KiB. Split it into smaller files.
course-import-unreadable = { $file } could not be read from Discord. Attach it again in a moment.
course-import-not-text = { $file } is not text (UTF-8). Save it as plain text and attach it again.
course-import-refused = Nothing from { $file } was saved: { $count ->
    [one] one problem
   *[other] { $count } problems
} to mend first.
course-import-problems = Problems
course-preview-title = Preview: { $count } items
course-preview-counts = { $file } holds { $questions } questions, { $prompts } prompts and { $motions } motions, all valid. The first ones as your class will see them:
course-preview-unsaved = Nothing is saved until you press Save.
course-preview-replaces = { $count ->
    [one] One item replaces the item with its id.
   *[other] { $count } items replace the items with their ids.
}
course-preview-answer = The reveal
course-preview-timing = { $seconds } seconds · up to { $points } points
course-true = True
course-false = False
button-save = Save
button-discard = Discard
button-delete-item = Delete it
course-discarded = Discarded: nothing was saved or deleted.
course-saved = Saved { $count ->
    [one] one item
   *[other] { $count } items
} ({ $new } new). Your class sees them marked as yours; `/course items` lists them.
course-full-server = Nothing was saved: this server keeps at most { $limit } items of its own and has { $count }. Delete some with `/course delete` first.
course-full-member = Nothing was saved: one member may keep at most { $limit } items and you have { $count }. Delete some with `/course delete` first.
course-deleted = Deleted { $item }. Assignments that asked it still show it until they are pruned.
course-no-own-item = This server has no item of its own called { $item }. `/course items` lists them.
course-none-yet = This server has no items of its own yet. Add them with `/course add` or `/course import`.
course-export-header = This server's own items for Aura. Edit and import again with /course import:
    an item with an id in use replaces that item.
course-exported = { $count ->
    [one] One item
   *[other] { $count } items
}, as a file that `/course import` takes again.
course-items-title = This server's own items
course-items-none-match = None of this server's items holds “{ $search }”.
course-items-count = { $count } of { $all } items (at most { $limit }).
course-delete-title = Delete { $item }?
audit-own-saved = { $actor } saved { $count } of the server's own items.
audit-own-deleted = { $actor } deleted the server's own item { $item }.
opt-homework-ping = A role the reminders a day and an hour before ping (default: nobody)
opt-homework-scoring = flat (every right answer alike) or speed (faster earns more); default: the server's, else flat
homework-ping-everyone = The reminders may ping a role, never @everyone: pick a role of your class.
cmd-course-label = How this server's own items are marked for the class
opt-course-label-text = Your wording (at most 80 characters), or "default"
help-example-course-label = /course label text:From Pak Budi's lectures
course-label-now = Your items are marked: { $label }
course-label-too-long = The mark may hold at most { $max } characters; nothing was changed.
audit-course-label = { $actor } changed how the server's own items are marked.

## Written work: responses, the quote check, review and feedback
button-respond = Respond
button-edit = Edit
button-feedback = Feedback…
button-release = Release
button-release-all = Release all on this
button-ask-share = Ask to share
button-previous = ◀ Previous
button-next = Next ▶
button-share-yes = Share it
button-share-mine = Share: { $title }
responses-form-title = Your response
responses-form-label = Your response
responses-kind-prompt = Discussion prompt
responses-kind-letter = Adorno's letter
responses-kind-motion = Motion
responses-kind-homework = Homework
responses-homework-title = Homework #{ $number }, question { $question }: { $prompt }
responses-check-title = Your quotations, checked
responses-check-intro = Aura checked every passage you put in quotation marks against the study pack. Nothing is saved yet: Save keeps your response as it is; Edit opens it again.
responses-mark-verified = ✅ Verified quotation: { $source }
responses-mark-near = ≈ Close to a verified quotation, but not its exact words. { $source }. The exact wording: { $exact }
responses-mark-misattributed = ⚠ Misattributed: these words are by { $authors }, not { $named } alone. { $source }
responses-mark-misconception = ⚠ A known misconception the study pack corrects: { $correction }
responses-mark-not-found = ℹ Not found in the study pack. That is fine for your own words or another source: say where it comes from.
responses-more-passages = More quotations
responses-more-passages-count = { $count } more not shown here.
responses-text-cut = (shortened here; your whole text is kept)
responses-typed-back = What you wrote, so nothing is lost:
responses-status = Status
responses-feedback = Feedback
responses-status-waiting = Waiting for review
responses-status-held = Reviewed (feedback not released yet)
responses-status-accepted = Accepted
responses-status-revision = Needs revision
responses-status-excellent = Excellent
responses-status-line = Status: { $status }
responses-feedback-line = Feedback: { $feedback }
responses-saved-title = Response saved
responses-saved = Saved. Your teacher sees it in their review; you can change it with Respond until it is reviewed. `/responses mine` lists your responses.
responses-saved-edited = Saved: your earlier text is replaced. You can change it until it is reviewed.
responses-saved-until = Open for changes until { $when }.
responses-mine-title = Your responses
responses-mine-none = You have not written a response in this server yet. Press Respond under a daily prompt, a motion, a point of Adorno's letter or a homework summary.
responses-mine-count = Your { $count ->
    [one] newest response
   *[other] { $count } newest responses
}, with your teacher's feedback once released.
responses-share-asked = Your teacher would like to share this response with the class. It is shared only if you press Share.
responses-shared-line = Shared with the class.
responses-no-feedback = None yet.
responses-held = Held: the member sees it once you release it.
responses-released = Released to the member.
responses-by = By **{ $name }**, { $when }
responses-review-title = Response { $position } of { $total }
responses-feedback-form = Feedback
responses-feedback-label = Your feedback (held until you release it)
responses-feedback-title = Feedback on your response
responses-shared-title = A response from the class
responses-shared-by = Written by { $name }, shared with their agreement.
responses-gone = That is no longer open for responses.
responses-reviewed = Your response is already reviewed, so it can no longer be changed. `/responses mine` shows it.
responses-past-deadline = Responses to this closed at their deadline.
responses-empty = An empty response is not saved.
responses-too-long = A response holds at most { $limit } characters; nothing was saved.
responses-too-many = You started { $limit } responses in the last day, the most a day allows. Try again tomorrow; editing one you wrote is still possible.
responses-draft-gone = This check has expired (after 15 minutes) or was already answered. Press Respond again.
responses-discarded = Discarded: nothing was saved.
responses-not-yours = Only the member who wrote this response can answer this.
responses-unknown-topic = Choose a prompt or motion from the list.
responses-review-none = There are no responses to review here.
responses-review-end = That was the last one in this direction.
responses-feedback-kept = Feedback kept; it reaches the member when you release it.
responses-released-count = Released { $count ->
    [one] one response
   *[other] { $count } responses
} to their authors.
responses-share-requested = The author is asked; it is shared only if they agree.
responses-share-not-excellent = Only an excellent response not shared yet can be shared.
responses-share-declined = Kept private.
responses-shared-already = Already shared.
responses-share-not-asked = Your teacher has not asked to share this response.
responses-share-failed = It could not be posted just now; nothing was shared. Try again later.
responses-shared-now = Shared in { $channel }. Thank you!
responses-labels-bad = At most { $limit } statuses of your own, separated by commas, each at most 40 characters; nothing was changed.
responses-labels-none = This server uses the three statuses: accepted, needs revision, excellent.
responses-labels-set = Besides accepted, needs revision and excellent, teachers can now give: { $labels }
responses-student-none = Nothing of this member this term.
student-title = { $name } this term
student-intro = Quiz, written work, debating and accuracy per essay section since the term began, as in the term gradebook.
student-quiz-heading = Quiz
student-quiz = { $rounds } live rounds, { $homework } homework, { $accuracy }% right, { $points } points
student-written-heading = Written work
student-written = { $responses } responses: { $accepted } accepted, { $revision } needing revision, { $excellent } excellent, { $other } with the server's own statuses
student-debating-heading = Class debates
student-debating = { $speeches } speeches, { $arguments } arguments ({ $cited } citing a verified quote or a section), { $ballots } ballots
student-sections-heading = Accuracy per section
student-sections-none = No answers on the essay's sections yet.
privacy-responses = Written responses, with their feedback: { $responses }
audit-response-status = { $actor } gave response #{ $id } the status “{ $status }”.
audit-response-feedback = { $actor } wrote feedback on response #{ $id }.
audit-responses-released = { $actor } released { $count } reviewed responses to their authors.
audit-response-share-asked = { $actor } asked the author of response #{ $id } to share it.
audit-response-shared = { $actor } shared their response #{ $id } in { $channel }.
cmd-responses = Written responses: yours, and your class's for teachers
cmd-responses-mine = Your responses, with their status and your teacher's feedback
cmd-responses-review = Review the class's responses one by one (teachers)
cmd-responses-labels = This server's own statuses for responses (teachers)
cmd-responses-student = One student's term: quiz, written work, debates, sections (teachers)
opt-responses-prompt = Only responses to this prompt, letter point or homework
opt-responses-motion = Only responses to this motion
opt-responses-channel = Only responses written in this channel
opt-responses-status = Only responses with this status
opt-responses-labels-text = Up to two statuses of your own, separated by commas (empty: none)
opt-responses-member = The student
help-example-responses = /responses mine
help-example-responses-mine = /responses mine
help-example-responses-review = /responses review status:waiting
help-example-responses-labels = /responses labels text:Insightful, Needs sources
help-example-responses-student = /responses student member:@Ana
button-respond-point = Respond: { $title }
button-full-text = Whole text
responses-full-text = The whole response by { $name } ({ $heading }), as a file.
responses-review-title-left = Reviewed (no longer among the { $total } in this list)

## A member's own language
cmd-language = The language Aura answers you in
opt-language = Indonesian, English, or your Discord's language again
help-example-language = /language language:indonesian
language-name-en = English
language-name-id = Indonesian
language-set = From now on Aura answers you in { $language }, in every server: private replies, notices and forms. Shared posts keep their own language.
language-cleared = Aura answers you in your Discord's language again ({ $language }).
language-now-chosen = Aura answers you in { $language }, as you chose with `/language` (your Discord is in { $client }). `/language language:discord` goes back to it.
language-now-client = Aura answers you in { $language }, your Discord's language. `/language language:indonesian` or `language:english` chooses one for Aura alone.
opt-language-posts = Staff: the language of this server's shared posts (new schedules, rounds and debates)
posts-id = Indonesian
posts-en = English
posts-both = Indonesian and English side by side
posts-starter = each starter's language
posts-set = This server's shared posts are now in: { $posts }. New daily schedules, quiz rounds and debates take it unless they name their own (`language:`, `bilingual:`); schedules set up before keep theirs — set one up again to change it. Each member's private replies stay in their own language.
posts-now = This server's shared posts: { $posts } (staff change it with `/language posts:`).
audit-server-posts = { $actor } set this server's shared posts to: { $posts }.
privacy-settings = Your settings (the language you chose, your name kept off quiz boards, extra time a teacher gave you): { $settings }

## A fair class: boards that shame nobody, scoring in plain words
cmd-quiz-settings = How this server's boards name members, and its rounds' default scoring
opt-quiz-boards = names: everyone; top3: the top three only; anonymous: ranks without names
opt-quiz-scoring-default = The scoring rounds take unless /quiz start says otherwise
opt-quiz-hide = true: keep your name off this server's public boards; false: show it again
help-example-quiz-settings = /quiz settings boards:anonymous scoring:flat
quiz-settings-now = Boards and end cards: { $boards }. Rounds score by default: { $scoring }. Members can keep their own name off with `/quiz me hide:true`.
quiz-boards-names = every member named (except those who hid their name)
quiz-boards-top3 = the top three only
quiz-boards-anonymous = ranks and points, no names
quiz-name-hidden = (name hidden)
quiz-board-top-three = Only the top three are shown here; `/quiz me` shows your own place.
quiz-board-anonymous = Names are not shown in this server; `/quiz me` shows your own place.
quiz-me-hidden = Your name is now kept off this server's public boards and end cards.
quiz-me-shown = Your name shows on this server's public boards again.
quiz-rule-speed = Scoring: a right answer earns 500 to 1,000 points, more the faster it comes; a wrong answer earns nothing.
quiz-rule-speed-streaks = Scoring: a right answer earns 500 to 1,000 points, more the faster it comes, plus 100 for each right answer before it in a row (at most 500); a wrong answer earns nothing.
quiz-rule-flat = Scoring: every right answer earns 1,000 points, however long you take; a wrong answer earns nothing.
homework-rule-speed = Scoring: a right answer earns 500 to 1,000 points, more the faster it comes within the time limit (your own, if a teacher gave you more); a wrong answer earns nothing.
quiz-rule-flat-streaks = Scoring: every right answer earns 1,000 points, however long you take, plus 100 for each right answer before it in a row (at most 500); a wrong answer earns nothing.
audit-quiz-settings = { $actor } set the quiz: boards { $boards }, default scoring { $scoring }.
quiz-untimed = Open until the teacher reveals it — take your time.
quiz-untimed-teacher-only = A question without a timer (`seconds:0`) needs teacher mode (`mode:teacher`): someone has to reveal it.
quiz-rule-untimed = No timer: each question stays open until the teacher reveals it.
class-order-done = Done
class-order-now = Now
class-order-next = To come
cmd-quiz-time = Extra time on homework for one member (teachers, private)
opt-quiz-time-member = The member
opt-quiz-time-percent = Their share of each time limit: 100 (none) to 300; 150 is one and a half times
help-example-quiz-time = /quiz time member:@Ana percent:150
quiz-time-set = { $member } now gets { $factor }× the time limit on this server's homework questions. Nobody else sees this.
quiz-time-none = { $member } gets the class's time limit again.
quiz-time-bad = { $percent } is not a share Aura gives: 100 (none) to 300.
audit-member-time = { $actor } changed a member's extra time on homework.
opt-daily-bilingual = Both languages side by side in each post, the chosen language first (default off)
opt-quiz-bilingual = The round's cards in both languages side by side, yours first (when both fit)
opt-quiz-language = The round's language (default: the server's shared posts, else yours)
