# kenes — English (the reference catalog: every other catalog has exactly these keys).

## Frame
skip-to-content = Skip to content
nav-label = Main
nav-councils = Councils
nav-account = Account
nav-sign-in = Sign in
nav-sign-out = Sign out
language-label = Language
language-switch = Change
footer-text = kenes keeps each council's record signed and hash-chained: anyone holding a copy can verify it.

## Home and sign-in
home-title = Welcome to kenes
home-intro = kenes helps councils, unions, cooperatives and assemblies govern themselves: members, meetings, votes and a record nobody can quietly rewrite.
signin-title = Sign in
signin-submit = Sign in
signin-failed = The username or password is not right.
signin-throttled = Too many failed sign-ins for this name from this device. Try again in { $minutes } { $minutes ->
    [one] minute
   *[other] minutes
 }.
signin-link-hint = Were you given a sign-in link? Open it on this device instead.
field-username = Username
field-username-hint = 3 to 64 letters, digits, dots, dashes or underscores.
field-password = Password
field-new-password = New password
field-current-password = Current password
password-current-wrong = The current password is not right; the password was not changed.
field-password-hint = At least 10 characters.
field-display-name = Display name
display-name-hint = How the council will know you. It may be a pseudonym; it is all the record says about you.
field-role = Role
field-council = Council

## First administrator
setup-title = Set up this kenes node
setup-intro = Create the first administrator account. This link works once.
setup-submit = Create administrator

## Councils
councils-title = Your councils
councils-none = You are not a member of any council yet.
councils-caption = Councils you are a member of
council-create = Create a council
council-name = Name
council-kind = Kind
council-description = Description
council-languages = Languages
council-founder-name = Your display name in this council
council-members-count = Members
council-your-role = Your role
council-member-total = { $count ->
    [one] { $count } member
   *[other] { $count } members
}
council-sections = Council sections
settings-title = Council settings
settings-submit = Save settings
settings-private = Private council: elections for members' eyes only
settings-private-hint = Election pages, ballot boards and archives are then shown to members who are signed in; anyone else is told the page does not exist.
kind-workplace = Workplace council
kind-neighbourhood = Neighbourhood council
kind-union = Union
kind-cooperative = Cooperative
kind-federation = Federation of councils
kind-assembly = Assembly

## Members
members-title = Members
member-you = (you)
member-joined = Joined
member-number = Member number
member-status = Status
member-active = Active
member-removed = Removed
member-joined-via = Joined by
joined-via-invitation = Invitation
joined-via-secretary = Added by a chair or secretary
joined-via-founder = Founded the council
member-rename-title = Display name
member-rename-submit = Change name
member-manage = Manage this member
member-change-role = Change role
member-make-link = Make a sign-in link
member-remove = Remove from the council
member-add-title = Add a member
member-add-hint = Add someone by name; kenes gives you a one-time sign-in link to pass on to them.
member-add-submit = Add member
member-added-title = Member added
member-added-hint = Give this one-time link to the member, in person or by a channel you trust. It signs them in once and expires in 14 days.
member-link-title = Sign-in link
link-label = Link
back-to-council = Back to the council
role-member = Member
role-chair = Chair
role-secretary = Secretary
role-observer = Observer

## Invitations
invite-title = Invite someone
invite-hint = Make a one-time link; whoever opens it chooses a display name and a password and joins with the role you choose.
invite-submit = Make invitation link
links-title = Open links
links-hint = Invitations and sign-in links made here that nobody has used yet. Withdraw one that went to the wrong person.
links-none = No open links.
links-col-link = Link
links-col-expires = Expires
link-invitation = Invitation as { $role }, made by { $name }
link-signin = Sign-in link for { $name }
link-revoke = Withdraw
link-revoke-label = Withdraw the link that expires { $expires }
invite-created-title = Invitation link
invite-created-hint = Send this link to one person. It works once and expires in 14 days.
join-title = Join { $council }
join-intro = You were invited to join this council. Choose how the council will know you.
join-submit = Join

## Sign-in links
link-signin-title = Sign in with your link
link-signin-intro = This link signs you in once. You can then set a password on your account page.

## Import
import-title = Import a member roll
import-hint = Upload a CSV file with a header row and a "name" column; optional "role" and "contact" columns. Contact details stay on this node and never enter the record. If any row is wrong, nothing is imported.
import-file = CSV file
import-submit = Import
import-done = { $count ->
    [one] { $count } member imported.
   *[other] { $count } members imported.
}
import-refused = { $count ->
    [one] { $count } row was rejected, so nothing was imported. Correct it and upload the file again.
   *[other] { $count } rows were rejected, so nothing was imported. Correct them and upload the file again.
}
import-file-error = The file cannot be read as a member roll: { $detail }
import-rejected-caption = Rejected rows
import-line = Line
import-reason = Reason
roll-field-count = { $found ->
    [one] This row has { $found } field but the header has { $expected }.
   *[other] This row has { $found } fields but the header has { $expected }.
}
roll-csv = The CSV is malformed here: { $detail }
roll-contact = The contact is longer than 200 characters or has control characters.
roll-already-member = { $name } is already a member of this council.
roll-duplicate = { $name } already appears on line { $line }.

## Record
record-title = Record
record-of = Record of { $council }
record-intro = Every change to this council is an event: numbered, signed by the node that wrote it, and chained to the one before by its hash.
record-council-id = Council id
record-home-node = Home node
record-height = Height
record-height-n = height { $height }
record-time = Time
record-kind = Kind
record-hash = Hash
record-payload = Content
bundle-download = Download the record (bundle)
record-pages = Pages of the record
record-newer = Newer events
record-older = Older events

## Account
account-title = Your account
account-no-password = Your account has no password yet: you signed in with a link. Set one to sign in again later.
account-set-password = Set password
account-password-set = Your password is set.
account-links-title = Sign-in links made for you
account-links-new = Sign-in links were made for you since you last signed in: the list says who made each and when it was used. Whoever used one was signed in as you; if that was not you, tell your council's secretary and set a password.
account-links-maker = Made by
account-links-made = Made
account-links-used = Used
account-links-unused = not used
account-links-fresh = (new)

## Errors
error-title = Something is not right
error-back = Go back
error-not-found = There is nothing here.
error-sign-in-required = Please sign in first.
error-forbidden = You may not see or do this.
error-csrf = This form has expired or did not come from this site. Reload the page and try again.
error-too-large = What you sent is too large.
error-internal = Something went wrong on the server. Nothing was changed.
error-too-many-streams = This account already follows as many live pages as it may. Close another tab or phone's page and reload.
error-busy = The server has too much to check right now. Nothing was changed: try again in a moment.
error-json = The request body is not the JSON expected.
error-upload = The upload could not be read.
error-password-length = The password must have at least 10 characters.
error-username = The username must have 3 to 64 letters, digits, dots, dashes or underscores.
error-username-taken = That username is taken.
error-link-invalid = This link is not valid: it was used already, it has expired, it was withdrawn, or it was mistyped.
error-link-own-account = This member has an account of their own (with a password, or in other councils), so no sign-in link can be made for it: they sign in with their password.
error-already-member = You are already a member of this council.
error-empty = { $what ->
    [display-name] The display name is empty.
    [council-name] The council name is empty.
    [languages] Choose at least one language.
   *[other] A required field is empty.
}
error-too-long = { $what ->
    [display-name] { $max ->
        [one] The display name is longer than { $max } character.
       *[other] The display name is longer than { $max } characters.
    }
    [council-name] { $max ->
        [one] The council name is longer than { $max } character.
       *[other] The council name is longer than { $max } characters.
    }
    [description] { $max ->
        [one] The description is longer than { $max } character.
       *[other] The description is longer than { $max } characters.
    }
   *[other] { $max ->
        [one] A field is longer than { $max } character.
       *[other] A field is longer than { $max } characters.
    }
}
error-control = { $what ->
    [display-name] The display name contains control characters.
    [council-name] The council name contains control characters.
   *[other] A field contains control characters.
}
error-council-kind = Choose a kind of council from the list.
error-role = The role must be member, chair, secretary or observer.
error-language = Choose languages from the list.
error-not-a-member = That person is not an active member of this council.
error-not-allowed = Only a chair or a secretary may do this.
error-duplicate-name = A member named { $name } already exists in this council.
error-last-manager = The council must keep at least one chair or secretary.
error-empty-import = There is nothing to import.
error-import-too-large = An import may hold at most 10,000 members.
error-unchanged = The member already has that role.
error-out-of-range = { $what ->
    [quorum] The quorum is a percentage from 0 to { $max }.
    [seconders] { $max ->
        [one] At most { $max } seconder may be required.
       *[other] At most { $max } seconders may be required.
    }
    [speaking-time] { $max ->
        [one] The speaking time may be at most { $max } second.
       *[other] The speaking time may be at most { $max } seconds.
    }
   *[other] A number is larger than { $max }.
}

## Meetings
mt-assemblies = Meetings
mt-none = This council has no meetings yet.
mt-title = Title
mt-starts = When
mt-place = Where
mt-status = Status
mt-status-planned = Planned
mt-status-open = In session
mt-status-closed = Closed
mt-convene = Convene a meeting
mt-rules = Rules of the meeting
mt-quorum-percent = Quorum (percent of voting members present)
mt-seconders = Seconders a motion needs
mt-speaking-seconds = Speaking time in seconds (0 for no limit)
mt-alternate = Speakers for and against take turns
mt-sections = Meeting pages
mt-projector = Projector view
mt-minutes = Minutes
mt-reconnecting = Connection lost: reconnecting… The page will catch up by itself.
mt-present-count = { $present } present, { $needed } needed for quorum
mt-quorum-met = quorum present
mt-quorum-missing = no quorum
mt-check-in = Check in
mt-check-out = Check out
mt-you-are-present = You are checked in.
mt-agenda = Agenda
mt-agenda-empty = The agenda is empty.
mt-minutes-planned = ({ $minutes } min)
mt-take-item = Take up
mt-take-item-label = Take up item { $number }
mt-now = Now
mt-speakers = Speakers
mt-speaking-now = Speaking
mt-nobody-speaking = Nobody has the floor.
mt-list-empty = Nobody is waiting to speak.
mt-more-waiting = …and { $count } more.
mt-waiting = Waiting to speak
mt-speech-kind = Ask to speak
mt-speech-speech = to speak
mt-speech-for = for the motion
mt-speech-against = against the motion
mt-speech-point-of-order = point of order
mt-request-floor = Join the list
mt-leave-list = Leave the list
mt-move-front = Move to front
mt-remove-speaker = Remove
mt-give-floor = Next speaker
mt-end-speech = End speech
mt-motion-number = Motion { $number }
mt-moved-by = moved by { $name }
mt-seconded-by = seconders: { $count } of { $needed }
mt-alternative-to = alternative to motion { $number }
mt-motion-submitted = submitted
mt-motion-admitted = admitted
mt-motion-debated = under debate
mt-motion-voting = being voted on
mt-motion-adopted = adopted
mt-motion-rejected = rejected
mt-motion-withdrawn = withdrawn
mt-motion-referred = referred
mt-amendment-number = Amendment { $number }
mt-amendment-lines = to lines { $from }–{ $to }
mt-second = Second
mt-withdraw = Withdraw
mt-admit = Admit
mt-debate = Open debate
mt-refer = Refer
mt-put-roll-call = Vote by roll call
mt-put-tellers = Vote by tellers' count
mt-amend = Propose an amendment
mt-from-line = From line
mt-to-line = To line
mt-new-text = New text (empty to strike the lines out)
mt-amend-submit = Propose the amendment
mt-vote-number = Vote { $number }
mt-roll-call = roll call, recorded by name
mt-tellers = counted by tellers
mt-majority = majority: more than { $num }/{ $den } of { $basis }
mt-majority-at-least = majority: at least { $num }/{ $den } of { $basis }
mt-basis-votes-cast = votes cast
mt-basis-yes-no = yes and no votes
mt-basis-members = all members
mt-basis-present = members present
mt-vote-open = Voting is open
mt-votes-so-far = { $count } voted so far
mt-choice-yes = Yes
mt-choice-no = No
mt-choice-abstain = Abstain
mt-you-voted = Your vote is recorded.
mt-enter-counts = Enter the counts
mt-counted = Yes { $yes }, no { $no }, abstentions { $abstain }.
mt-close-vote = Close the vote
mt-carried = Carried
mt-lost = Not carried
mt-needed = { $needed ->
    [one] { $needed } yes vote was needed (of { $basis }).
   *[other] { $needed } yes votes were needed (of { $basis }).
}
mt-by-name = Votes by name
mt-results = Results
mt-announce-vote-open = Voting is open: { $question }
mt-announce-speaker = { $name } has the floor.
mt-announce-carried = Carried: { $question }
mt-announce-lost = Not carried: { $question }
mt-chair = Chair's controls
mt-open = Open the meeting
mt-close = Close the meeting
mt-add-item = Add an agenda item
mt-item-minutes = Planned minutes
mt-item-parent = Under item
mt-mark-attendance = Check members in or out
mt-member = Member
mt-put-question = Put a question to the vote
mt-question = Question
mt-mode = How
mt-majority-rule = Majority
mt-majority-simple = Simple majority
mt-majority-two-thirds = Two thirds
mt-majority-three-quarters = Three quarters
mt-basis = Counted against
mt-open-vote = Open the vote
mt-annotate = Add a note to the minutes
mt-note = Note
mt-move = Move a motion
mt-item = Agenda item
mt-motion-text = Text of the motion
mt-motion-text-hint = Amendments refer to its line numbers.
mt-alternative = As an alternative to
mt-move-submit = Move the motion
mt-error-number = The field { $field } must be a whole number.
mt-error-field = The field { $field } is missing or not one of the choices.

## Minutes
mn-title = Minutes
mn-convened-by = Convened by
mn-opened = Opened
mn-closed = Closed
mn-present = Present
mn-present-count = { $count ->
    [one] { $count } member checked in.
   *[other] { $count } members checked in.
}
mn-taken-up = Taken up at { $time }.
mn-spoke = Spoke
mn-seconded = seconded by
mn-as-moved = As moved
mn-as-adopted = As adopted
mn-question = question
mn-opened-at = opened at { $time }
mn-notes = Notes of the secretary
mn-footer = Generated from the council record (council { $council }, up to event { $height }). Anyone with the record can regenerate these minutes and check them.

## Meeting refusals
refused-no-assembly = There is no meeting { $number }.
refused-not-open = The meeting is not in session.
refused-closed = The meeting is closed.
refused-already-open = The meeting is already in session.
refused-not-presiding = Only the chair or the secretary may do this.
refused-observer = Observers may not move, second, speak or vote.
refused-only-for-themselves = Members may only do this for themselves.
refused-not-checked-in = Check in first: only members present may do this.
refused-already-checked-in = Already checked in.
refused-no-item = There is no agenda item { $number }.
refused-not-current-item = That agenda item is not the one under discussion.
refused-already-current = That agenda item is already under discussion.
refused-too-deep = { $depth ->
    [one] The agenda may be nested at most { $depth } level deep.
   *[other] The agenda may be nested at most { $depth } levels deep.
}
refused-too-many-items = An agenda holds at most { $max } items.
refused-too-many-motions = A meeting holds at most { $max } motions.
refused-too-many-amendments = A meeting holds at most { $max } amendments.
refused-no-motion = There is no motion { $number }.
refused-motion-state = The motion is { $status }: this cannot be done now.
refused-motion-admit-first = Motion { $number } has not been admitted yet: the chair admits it first (Admit), then it can be debated, amended and put to the vote.
refused-amendment-undecided = Amendment { $number } is still undecided: put it to the vote or have it withdrawn before the motion is put.
refused-no-amendment = There is no amendment { $number }.
refused-amendment-state = The amendment is { $status }: this cannot be done now.
refused-not-mover = Only the mover may withdraw it.
refused-own-motion = The mover cannot second their own motion or amendment.
refused-already-seconded = You have already seconded it.
refused-not-seconded = { $needed ->
    [one] It needs { $needed } seconder and has { $have }.
   *[other] It needs { $needed } seconders and has { $have }.
}
refused-line-range = { $lines ->
    [one] Those lines are not in the motion, which has { $lines } line.
   *[other] Those lines are not in the motion, which has { $lines } lines.
}
refused-stale-amendment = The motion has changed since this amendment was written: write it again against the current text.
refused-bad-alternative = An alternative must be to another motion under the same agenda item.
refused-already-waiting = You are already on the speakers' list.
refused-not-waiting = That member is not on the speakers' list.
refused-nobody-waiting = Nobody is waiting to speak.
refused-nobody-speaking = Nobody has the floor.
refused-no-quorum = No quorum: { $present } present, { $needed } needed.
refused-vote-open = A vote is open: close it first.
refused-no-vote = There is no vote { $number }.
refused-vote-closed = That vote is closed.
refused-already-voted = You have already voted.
refused-counted-by-tellers = This vote is counted by the tellers, not by name.
refused-by-name = This vote is by name: there are no counts to enter.
refused-too-many-counted = { $present ->
    [one] The counts add up to { $counted }, more than the { $present } member present.
   *[other] The counts add up to { $counted }, more than the { $present } members present.
}
refused-not-counted = Enter the tellers' counts before closing the vote.
refused-bad-majority = The majority must be a fraction between 0 and 1.
demo-not-empty = The demo fills only a fresh data directory; this one already holds a council.

# Votes among options
mt-put-choice = Put a choice among options to the vote
mt-options = Options, one per line
mt-method = Counting method
mt-method-plurality = Plurality (most marks)
mt-method-irv = Instant-runoff (ranked)
mt-method-stv = Single transferable vote (ranked)
mt-method-schulze = Schulze (ranked)
mt-method-seats = { $seats ->
    [one] { $method }, { $seats } seat
   *[other] { $method }, { $seats } seats
}
mt-seats = Seats to fill
mt-preference = Choice { $number }
mt-mark = Mark { $number }
mt-cast-ballot = Cast my ballot
mt-elected = Elected: { $names }
mt-nobody-elected = Nobody is elected
mt-ballots-counted = Ballots: { $marked } marked, { $empty } empty
mt-count-stages = The count, stage by stage
mt-option = Option
mt-stage = Stage { $number }
mt-exhausted = Exhausted
mt-order = Order: { $order }
mt-announce-elected = { $question }: { $names }
refused-chooses-among-options = This vote chooses among options: rank them instead of answering yes or no.
refused-yes-no-vote = This is a yes/no vote; it has no options to rank.
refused-options-need-question = A vote among options puts a question and is taken by name.
error-count = { $what ->
    [options] { $got ->
        [one] Give between { $min } and { $max } options (there is { $got }).
       *[other] Give between { $min } and { $max } options (there are { $got }).
    }
    [seats] The seats must be between { $min } and { $max } (not { $got }).
    [marks] { $max ->
        [one] A ballot may mark at most { $max } option (this one marks { $got }).
       *[other] A ballot may mark at most { $max } options (this one marks { $got }).
    }
   *[other] There is no option number { $got }; the options are numbered 1 to { $max }.
}
error-duplicate-option = “{ $value }” appears twice.
mt-minutes-pdf = Minutes (PDF)
mt-move-up = Move up
mt-move-down = Move down

# Secret elections
el-elections = Elections
el-none = No elections yet.
el-new = Set up an election
el-title = Title
el-description = Description (optional)
el-question-number = Question { $number }
el-question = Question
el-answers = Answers, one per line
el-min = At least
el-max = At most
el-blank = Voters may vote blank
el-trustees = Trustees
el-threshold = Trustees needed to decrypt (0: all of them, each with their own key)
el-threshold-help = With a threshold, any that many trustees can decrypt the result together; fewer cannot.
el-create = Set up the election
el-status-setup = Being set up: the trustees make their keys
el-status-open = Voting is open
el-status-closed = Voting is closed: the trustees decrypt the result
el-status-tallied = The result is published
el-questions = Questions
el-choose = choose { $min } to { $max }
el-trustee-decrypted = has decrypted
el-trustee-key-ready = key made
el-trustee-waiting = has not made a key yet
el-threshold-of = { $n ->
    [one] { $k } of the { $n } trustee is needed to decrypt.
   *[other] { $k ->
        [one] { $k } of the { $n } trustees is needed to decrypt.
       *[other] { $k } of the { $n } trustees are needed to decrypt.
    }
}
el-trustee-page = My part as a trustee
el-get-credential = Get my voting credential
el-vote = Vote
el-board = Ballot box
el-ballots-counted = { $counted ->
    [one] { $counted } ballot counts
   *[other] { $counted } ballots count
} ({ $cast } cast, revotes included) of { $voters } { $voters ->
    [one] voter
   *[other] voters
}.
el-trackers = Tracking numbers of the ballots that count
el-result = Result
el-blank-vote = Blank vote
el-archive = Download the election archive (.bel)
el-verify = Verify the election
el-controls = Secretary's controls
el-open = Open voting
el-waiting-for-trustees = Waiting for the trustees to finish making their keys.
el-slips = Print credential slips (PDF)
el-slips-again = Print new slips (PDF), voiding the earlier ones
el-waiting-for-slips = Print the credential slips first: voting opens once they are made.
el-hall = Hall mode: credentials on printed slips, for voters without accounts
el-hall-help = Whoever holds a slip votes with it without signing in. This is weaker than the default: whoever handles the slips could vote with those not handed out. Without it, each member votes signed in, with a credential that only they can use.
el-mode-hall = Hall mode: whoever holds a credential slip votes, without signing in.
el-mode-members = Each member votes signed in, with their own credential; a credential works for one member only.
el-error-slips-before-opening = Slips are printed before voting opens, not after.
el-error-not-hall = This election gives each member their credential; slips are only for elections in hall mode.
el-error-not-a-voter = You are not on this election's roll.
el-error-credential-taken = This credential was already used by another member: it is not yours.
el-error-other-credential = You already voted with another credential: vote again with that one.
el-total-weight = Total weight
el-error-total-weight = The roll's weights add up to { $total }; an election can count at most { $max }.
el-error-credential-weight = A public credential carries a weight of { $weight }, which the roll does not give: weights come from the roll (one vote each, or a delegate's seat weight in a federation).
el-weights = Voters' weights:
el-weight-count = { $count } of weight { $weight }
el-decryption-inconsistent = The trustees' decryptions do not give a result: a decryption factor is wrong though its proof holds. { $trustees ->
    [none] The result comes out when another trustee decrypts.
   *[other] Suspected: { $trustees }. The result comes out when another trustee decrypts, or the suspect decrypts again.
}
el-counted-weights = Counted ballots and their weights
el-tracker-heading = Tracking number
el-weight-heading = Weight
el-publish = Publish this election
el-publish-help = Its page, ballot board and archive become anyone's to see and check, though the council stays private. This is written in the record and cannot be undone.
el-published = This council is private, but this election is published: anyone may see and check it.
el-private = This council is private: only its members see this election.
el-refused-published = This election is published already.
el-close = Close voting
el-back = Back to the election
el-loading = Loading…
el-needs-javascript = This page needs JavaScript: the keys and the encryption are made in your browser, never on the server.
el-trustee-key-help = Your key is made in this browser and offered to you as a file. Keep the file safe: you will need it to decrypt the result. It is never sent to the server.
el-make-key = Make my key
el-key-file = Your trustee file for this election (the .json file you kept; or the .key and .dkey files of the command line)
el-continue = Continue
el-download-key = Download your key file
el-credential-once = This is your voting credential. It is shown only once: the server forgets it now. Vote with the link, or write the credential down.
el-vote-now = Vote now
el-credential = Voting credential
el-encrypt = Encrypt my ballot
el-sealed = Your ballot is encrypted in this browser. Cast it, or audit the encryption first (an audited ballot is thrown away and you encrypt again).
el-tracker = Tracking number:
el-cast = Cast my ballot
el-audit = Audit this encryption
el-your-tracker = Tracking number of your cast ballot:
el-verified = Every proof in the archive checks out.
el-not-verified = The archive does not verify.
el-voters = Voters
el-ballots = Ballots cast
el-decryptions = Partial decryptions
el-hash-matches = The archive's SHA-256 is the one the council's record holds.
el-hash-differs = The archive's SHA-256 is NOT the one the council's record holds.
el-verify-yourself = Check it yourself with the archive and either program:
el-error-field = The field { $field } is missing or not valid.
el-error-already-done = This step is already done.
el-error-out-of-turn = This cannot be done at this point of the election.
el-error-key = The key material is not valid: { $reason }
el-error-signature = The certificate's signature does not verify.
el-error-ballot = The ballot is refused: { $reason }
el-error-decryption = The partial decryption is refused: { $reason }
el-error-no-credential = There is no credential waiting for you: it was already handed out, or you are not on the roll.
el-refused-no-election = There is no election { $number }.
el-refused-state = This cannot be done now: the election is { $status }.
el-js-error = Error
el-js-download = Download
el-js-need-key = Choose your key file to continue.
el-js-decrypting = Decrypting the result with your key, in this browser…
el-js-decrypted = Your partial decryption is in. Thank you.
el-js-step-done = Your part is done for now.
el-js-waiting = Waiting for the other trustees…
el-js-encrypting = Encrypting in this browser…
el-js-sealed = Encrypted. Check the tracking number, then cast or audit.
el-js-audited = The audit checks out: this encryption holds exactly your choices. That ballot is thrown away; encrypt again to vote.
el-js-audit-failed = The audit FAILED; do not vote from this device and tell the secretary
el-js-casting = Casting…
el-js-cast = Your ballot is cast. Tracking number:
el-js-replaced = Your new ballot replaces your earlier one. Tracking number:
el-voters-from = Who votes
el-voters-all = Every member of the council who may vote
el-voters-present = The members checked in at { $title }
el-error-no-voters = Nobody may vote in this election yet: no member who may vote is checked in.
el-meeting-elections = Secret ballots of this meeting
el-authority = Credential authority (who makes the voters' credentials)
el-authority-server = This server (it hands each credential out once, then forgets it)
el-authority-page = My part as the credential authority
el-authority-help = Make every voter's credential in this browser. You get them as a file to hand out (print it, or give each voter theirs); the server receives only the public half and can never vote in anyone's name.
el-make-credentials = Make the credentials
el-download-credentials = Download the credentials to hand out (CSV)
el-authority-done = The credential authority has made the credentials.
el-authority-waiting = Waiting for the credential authority to make the credentials.
el-error-credential-count = { $count ->
    [one] { $count } public credential was sent
   *[other] { $count } public credentials were sent
} for { $voters } { $voters ->
    [one] voter
   *[other] voters
}.
el-slip-label = Slip { $number }
el-slip-instructions = Scan the code with your phone on the hall's Wi-Fi, or open the election's Vote page and type the credential. Keep this slip to yourself: whoever holds it can vote in your place, and only the last ballot counts.
el-error-no-slips = Every credential has been handed out already; there is nothing left to print.
el-slips-help = One slip per voter, made now and forgotten by the server as the file is made: print it before closing it. Printing again before voting opens makes new slips and voids the earlier ones.
el-cli-trustee = Made your key with the command line?
el-cli-trustee-help = Trustees may keep their key off the web altogether: make it with kenes on your own computer, then send here the public file each step prints (the .pubkey, the certificate, the polynomial, the voutput) or, after voting closes, your partial decryption.
el-cli-file = File made with the command line
el-cli-send = Send the file
el-roll = Or an imported roll of voters (optional)
el-roll-help = One voter per line: a name, and after a comma a weight (delegates of larger councils carry more votes). Its credentials are printed on slips.
el-error-roll = Line { $line } of the roll is not valid: a name of at most 200 characters, then optionally a comma and a weight from 1 to 1,000,000.
el-slip-weighted = { $label } ({ $weight } votes)

# needs you now
now-title = Needs you now
now-nothing = Nothing needs you right now.
now-vote = A vote is open in { $meeting } and waits for yours.
now-vote-action = Vote
now-meeting-in-session = { $meeting } is in session.
now-meeting-join = Join
now-meeting-check-in = Join and check in
now-ballot = Voting is open: { $election }.
now-ballot-collect = Collect your credential
now-ballot-vote = Vote
now-meeting-planned = { $meeting } is convened: { $starts }, { $place }.
now-open = Open
now-trustee = Your turn as a trustee: { $election }.
now-trustee-action = Open the trustee page
now-decrypt = Voting has closed in { $election }: trustees decrypt the result.
now-finish-setup = { $election } is being set up.
now-finish-tally = { $election } is closed and waits for its tally.
manage-title = Manage the council
manage-page-title = Manage { $council }

# confirmations
mt-status-cancelled = Cancelled
mt-cancel = Cancel the meeting…
mt-cancel-question = Cancel this meeting? It was never opened; it stays in the record as cancelled and cannot be opened again.
mt-cancel-confirm = Yes, cancel the meeting
mt-close-question = Close the meeting? Nothing more can happen in it afterwards; the minutes are made from what it recorded.
mt-close-confirm = Yes, close the meeting
member-remove-question = Remove { $name } from the council? Their past acts stay in the record; they can be added again later as a new member.
member-remove-confirm = Yes, remove
link-revoke-question = Withdraw this link? Whoever holds it can no longer use it.
link-revoke-confirm = Yes, withdraw
link-qr-label = QR code of the link
link-qr-hint = To pass the link on in person, let them scan this with their phone's camera.
back-to-manage = Back to managing the council

# trustee file
el-keep-file = Keep this file somewhere safe, off this computer if you can: you need it to decrypt the result. When the page offers a newer file, keep that one instead; it holds everything the earlier one did.
el-js-no-file = Choose your trustee file first.
el-js-older-file = This file is from before your last step: it has your key but not your decryption key. Choose the newer file the page offered after your last step.
el-js-not-trustee-file = This is not a trustee file of kenes. Choose the .json file the page offered you for this election.
el-js-wrong-election = This trustee file belongs to another election.
el-js-wrong-trustee = This trustee file belongs to another trustee of this election.
el-js-key-mismatch = The keys in this file do not fit this election. Choose the file you kept for this election and try again.

# booth errors
el-js-credential-form = A voting code has four groups of five or six characters, XXXXX-XXXXXX-XXXXX-XXXXXX, or, in older elections, five groups of three: XXX-XXX-XXX-XXX-XXX.
el-js-credential-checksum = This credential has a typing error: check each character against your slip or link.
el-js-credential-characters = This credential has a character credentials never use (0, O, I or l): check it against your slip or link.
el-js-answer-count = Question { $question }: tick between { $min } and { $max } answers (you ticked { $count }).

# record
record-event-meta = event { $height }, { $time }
record-as-recorded = As recorded:
council-your-role-is = your role: { $role }

# event sentences
ev-council-created = { $kind ->
    [workplace] { $founder } founded { $name }, a workplace council.
    [neighbourhood] { $founder } founded { $name }, a neighbourhood council.
    [union] { $founder } founded { $name }, a union.
    [cooperative] { $founder } founded { $name }, a cooperative.
    [federation] { $founder } founded { $name }, a federation of councils.
    [assembly] { $founder } founded { $name }, an assembly.
   *[other] { $founder } founded { $name } ({ $kind }).
}
ev-member-added = { $via ->
    [invitation] { $role ->
        [member] { $name } joined the council as a member, invited by { $by }.
        [chair] { $name } joined the council as chair, invited by { $by }.
        [secretary] { $name } joined the council as secretary, invited by { $by }.
        [observer] { $name } joined the council as an observer, invited by { $by }.
       *[other] { $name } joined the council as { $role }, invited by { $by }.
    }
   *[other] { $role ->
        [member] { $by } added { $name } to the council as a member.
        [chair] { $by } added { $name } to the council as chair.
        [secretary] { $by } added { $name } to the council as secretary.
        [observer] { $by } added { $name } to the council as an observer.
       *[other] { $by } added { $name } to the council as { $role }.
    }
}
ev-members-imported = { $by } imported a member roll.
ev-member-role-changed = { $role ->
    [member] { $by } made { $member } an ordinary member.
    [chair] { $by } made { $member } chair.
    [secretary] { $by } made { $member } secretary.
    [observer] { $by } made { $member } an observer.
   *[other] { $by } changed the role of { $member } to { $role }.
}
ev-member-removed = { $by } removed { $member } from the council.
ev-member-renamed = { $by } changed a member's display name to “{ $name }”.
ev-council-updated = { $by } updated the settings of { $name }.
ev-assembly-convened = { $by } convened the meeting “{ $title }”: { $starts }, { $place }.
ev-assembly-opened = { $by } opened meeting { $assembly }.
ev-assembly-closed = { $by } closed meeting { $assembly }.
ev-attendance-checked-in = { $member } checked in to meeting { $assembly } (recorded by { $by }).
ev-attendance-checked-out = { $member } checked out of meeting { $assembly } (recorded by { $by }).
ev-agenda-item-added = { $minutes ->
    [0] { $by } added “{ $title }” to the agenda of meeting { $assembly }.
    [one] { $by } added “{ $title }” to the agenda of meeting { $assembly }, with { $minutes } minute planned.
   *[other] { $by } added “{ $title }” to the agenda of meeting { $assembly }, with { $minutes } minutes planned.
}
ev-agenda-item-taken = { $by } took up an agenda item in meeting { $assembly }.
ev-motion-submitted = { $by } moved the motion “{ $title }” in meeting { $assembly }.
ev-motion-seconded = { $by } seconded motion { $motion } in meeting { $assembly }.
ev-motion-admitted = { $by } admitted motion { $motion } in meeting { $assembly }.
ev-motion-debated = { $by } opened the debate on motion { $motion } in meeting { $assembly }.
ev-motion-withdrawn = { $by } withdrew motion { $motion } in meeting { $assembly }.
ev-motion-referred = { $by } referred motion { $motion } in meeting { $assembly }.
ev-amendment-submitted = { $by } proposed an amendment to lines { $from_line }–{ $to_line } of motion { $motion } in meeting { $assembly }.
ev-amendment-seconded = { $by } seconded amendment { $amendment } in meeting { $assembly }.
ev-amendment-withdrawn = { $by } withdrew amendment { $amendment } in meeting { $assembly }.
ev-speaker-requested = { $kind ->
    [for] { $member } asked to speak for the motion in meeting { $assembly } (recorded by { $by }).
    [against] { $member } asked to speak against the motion in meeting { $assembly } (recorded by { $by }).
    [point_of_order] { $member } asked to speak on a point of order in meeting { $assembly } (recorded by { $by }).
   *[other] { $member } asked to speak in meeting { $assembly } (recorded by { $by }).
}
ev-speaker-withdrawn = { $member } left the speakers' list in meeting { $assembly } (recorded by { $by }).
ev-speaker-moved = { $position ->
    [0] { $by } moved { $member } to the front of the speakers' list in meeting { $assembly }.
    [one] { $by } moved { $member } on the speakers' list in meeting { $assembly }, behind { $position } other speaker.
   *[other] { $by } moved { $member } on the speakers' list in meeting { $assembly }, behind { $position } other speakers.
}
ev-speaker-floor-given = { $by } gave the floor to the next speaker in meeting { $assembly }.
ev-speaker-speech-ended = { $by } ended the current speech in meeting { $assembly }.
ev-vote-opened = { $mode ->
    [roll_call] { $by } opened a roll-call vote on “{ $question }” in meeting { $assembly }.
    [tellers] { $by } opened a vote counted by tellers on “{ $question }” in meeting { $assembly }.
   *[other] { $by } opened a vote on “{ $question }” in meeting { $assembly }.
}
ev-vote-cast = { $choice ->
    [yes] { $by } voted yes in vote { $vote } of meeting { $assembly }.
    [no] { $by } voted no in vote { $vote } of meeting { $assembly }.
    [abstain] { $by } abstained in vote { $vote } of meeting { $assembly }.
   *[other] { $by } voted “{ $choice }” in vote { $vote } of meeting { $assembly }.
}
ev-vote-ranked = { $by } cast a ranked ballot in vote { $vote } of meeting { $assembly }.
ev-vote-counted = { $by } entered the tellers' count for vote { $vote } of meeting { $assembly }: yes { $yes }, no { $no }, abstentions { $abstain }.
ev-vote-closed = { $by } closed vote { $vote } of meeting { $assembly }.
ev-minutes-annotated = { $by } added a note to the minutes of meeting { $assembly }.
ev-election-announced = { $by } announced the election “{ $title }”.
ev-election-opened = { $voters ->
    [one] { $by } opened voting in election { $election } for { $voters } voter.
   *[other] { $by } opened voting in election { $election } for { $voters } voters.
}
ev-election-closed = { $ballots ->
    [one] { $by } closed voting in election { $election }: { $ballots } ballot counts.
   *[other] { $by } closed voting in election { $election }: { $ballots } ballots count.
}
ev-election-tallied = { $by } completed the tally of election { $election }.
ev-election-published = { $by } published election { $election }: anyone may now see and check it.
# projector
pj-time-left = Time left
pj-time-nearly-up = Time is nearly up
pj-time-up = Time is up
pj-next = Next to speak
pj-voted = { $voted } of { $eligible } voted
pj-voted-progress = Members who have voted
pj-not-voted = Still to vote: { $names }
pj-more-amendments = Amendments still waiting: { $count }
pj-deleted = deleted
pj-inserted = inserted
# charts
chart-yes = Yes
chart-no = No
chart-abstained = Abstained
chart-yes-no-title = { $outcome }. Yes { $yes }, no { $no }, abstained { $abstain }; the dashed line marks the { $needed } yes votes needed ({ $rule }).
chart-needed-line = { $needed } needed
chart-elected-mark = elected
chart-excluded-mark = excluded
chart-most-votes-mark = most votes
chart-options-title = { $result }. Votes: { $counts }.
chart-schulze-title = { $result }. Options each one beats: { $counts }.
chart-schulze-note = Each bar: how many other options this one beats by its strongest path
chart-stages-title = { $result }. Counted in { $stages } stages, drawn stage by stage; every total is in the table.
chart-stage-first = Stage { $number }: first preferences
chart-stage-surplus = Stage { $number }: the surplus of { $name } is transferred
chart-stage-exclusion = Stage { $number }: { $names } excluded, their votes transferred
chart-stage-remaining = Stage { $number }: the remaining seats are filled
chart-stage-tally = Stage { $number }
chart-quota = quota { $quota }
chart-answers-title = { $question }: { $counts }. Most votes: { $names }.
mt-close-vote-question = Close the vote? The result is counted now; nobody can vote in it afterwards.
mt-close-vote-confirm = Yes, close the vote
el-close-question = Close voting? No ballot can be cast afterwards; the trustees then decrypt the result.
el-close-confirm = Yes, close voting

# Voting codes made before voting opens, and re-issued
el-error-roll-fixed = Voting has opened, so the roll is fixed: Belenios 2.0 cannot replace a voting code now.
el-error-roll-not-server = The server does not make this election's voting codes: hall-mode slips or a member authority make them.
el-error-no-credential-to-reissue = This member has no voting code to replace. Make the voting codes first.
el-codes = Voting codes
el-codes-help = The voting codes are made when voting opens. Make them now and members can collect theirs before voting; until voting opens, you can give a new one to a member who lost theirs.
el-make-codes = Make the voting codes now
el-codes-made = Voting codes made: { $count }. Collected: { $collected }.
el-codes-members = Who has collected theirs
el-codes-waiting = not collected yet
el-codes-collected = collected
el-reissue = New voting code for { $name }
el-reissue-question = { $name } gets a new voting code to collect, and the one they hold will never vote.
el-reissue-confirm = Issue a new voting code
el-make-codes-again = Make every voting code again
el-make-codes-again-question = Every voting code made so far, collected or not, will never vote; each member who may vote now collects a new one.
el-make-codes-again-confirm = Make them again
el-credential-early = Your voting code is ready. Collect it now and keep it: you will vote with it once voting opens.
el-credential-keep = Keep it: you will vote with it once voting opens. If you lose it before then, ask the chair or secretary for a new one.
now-credential-early = Your voting code for { $election } is ready to collect

# A council's colour
settings-colour = Colour on the council's pages
colour-none = None
colour-red = Red
colour-orange = Orange
colour-amber = Amber
colour-green = Green
colour-teal = Teal
colour-blue = Blue
colour-indigo = Indigo
colour-purple = Purple
colour-pink = Pink
colour-grey = Grey
error-colour = Unknown colour: choose one of the colours offered.

# Nodes, sync and copies of the record
nodes-title = Nodes
nodes-fork = Fork caught: the home node of council { $council }… signed two different events at height { $height } (shown by { $from }). Both are kept as evidence; this node no longer follows or passes on that council until someone decides.
nodes-card = This node's card
nodes-card-help = Give this card to the secretary of a council that should let this node hold a copy of its record. Read the node key aloud when you pass it on, so the other side can compare.
nodes-key = Node key:
nodes-peers = Peers
nodes-no-peers = No peers yet. Add a node on the local network or the internet to keep each other's records.
nodes-peer-failed = The last sync failed: { $error }
nodes-peer-synced = Last synced { $time }
nodes-peer-new = Not synced yet
nodes-remove = Stop syncing with { $url }
nodes-remove-question = This node will no longer pull from it. What it already holds stays.
nodes-remove-confirm = Stop syncing
nodes-sync-now = Sync now
nodes-add = Add a peer
nodes-add-url = Its address
nodes-add-key = Its node key, as its owner reads it to you
nodes-add-key-help = At least the first 16 characters. Nothing syncs with a node whose key does not match.
nodes-add-submit = Check the key and add
nodes-stick = USB stick
nodes-stick-help = Where the internet is cut, carry records on a USB stick: this writes what the councils here allow to pass on, encrypted to the nodes each council chose, and imports what the stick holds for this node, checked on arrival.
nodes-stick-dir = The folder on the stick, as this computer sees it
nodes-stick-submit = Sync with the stick
nodes-error-url = A node's address starts with http:// or https://.
nodes-error-key = The node there has key { $key }, not the one you typed. Nothing was added: check the address, and the key with its owner.
nodes-error-self = That address is this node itself.
nodes-added = Added { $url } (node key { $key }). The first sync starts now.
nodes-syncing = A sync with every peer has started. Reload this page in a moment to see how it went.
nodes-stick-missing = There is no folder { $dir } on this computer. Plug in the stick and give the full path of a folder on it.
nodes-stick-done = Done: { $imported } councils brought up to date from the stick ({ $events } new events), { $written } written to it, { $skipped } files left for other nodes.
copies-title = Copies of the record
copies-help = The record holds members' names. Only the nodes chosen here receive a copy (besides this council's own node); each keeps it up to date and can pass it on only to the others chosen.
copies-cards = Nodes that may hold a copy: their cards, one per line
copies-cards-hint = A card starts with kenes-node: and is shown on each node's Nodes page.
copies-public = Anyone may hold a copy (a public council)
copies-submit = Save the choice of copies
error-too-many-holders = At most 64 different nodes may hold copies.
error-node-card = A node card is not valid: it is kenes-node:, the 64-digit node key, a colon and the age key starting with age1.

# The record as sentences: copies
ev-council-copies = { $by } chose which nodes may hold a copy of the record.

# Copies on the council's page
copies-fork = Warning: this council's home node signed two different histories at event { $height } (seen via { $from }). This node keeps both as evidence and follows neither until someone decides.
copies-vouched = Other nodes that verified this record up to event { $height }: { $count }.

# kenes itself, for a neighbour (spread.rs)
footer-get-kenes = Get kenes from this node
spread-title = Get kenes from this node
spread-intro = This node offers the very program it runs, so a laptop on this network can get kenes without the internet. Before you run it, compare its SHA-256 with a copy you trust: read it aloud with someone whose kenes came from elsewhere.
spread-file = File
spread-size = Size
spread-megabytes = { $mb } MB
spread-platform = For
spread-download = Download kenes
spread-check = Check it, then run it
spread-check-help = In a terminal on the other laptop:
spread-compare = The line sha256sum prints must be the SHA-256 above, and the one a trusted copy shows (every node shows its own on this page). If they differ, do not run it.

# Nodes on this network (sync/nearby.rs)
nodes-nearby = Nodes on this network
nodes-nearby-off = Off: this node neither announces itself nor looks for others. Turn it on only on a network you trust, since anyone on it will see that a kenes node is here.
nodes-nearby-start = Announce this node and look for others
nodes-nearby-on = This node announces itself on this network and lists the nodes it hears. Nothing syncs with one until you add it.
nodes-nearby-none = No other node heard yet. This page shows them as they answer; reload in a moment.
nodes-nearby-add = Add { $url }
nodes-nearby-compare = Open the Nodes page on that node (or ask the person beside it) and compare its key with this one: { $key }. Add it only if every group is the same.
nodes-nearby-same = The keys are the same: add it
nodes-nearby-stop = Stop announcing and looking
nodes-nearby-failed = The local network could not be used: { $error }

# Federations: the record's sentences, refusals (federation/)
ev-federation-joined = { $by } recorded that this council joined the federation “{ $name }”.
ev-recall-rule-set = { $by } set the recall threshold: a petition to recall a delegate needs the signatures of { $percent } % of the members who may vote.
ev-mandate-given = { $by } recorded mandate to { $delegate } for seat { $seat } in the federation.
ev-recall-signed = { $by } signed the petition to recall mandate { $mandate }.
ev-recall-withdrawn = { $by } withdrew their signature from the petition to recall mandate { $mandate }.
ev-mandate-recalled = { $by } recorded that the council recalled mandate { $mandate }.
ev-mandate-ended = { $by } recorded the end of mandate { $mandate }.
ev-mandate-instructed = { $instruction ->
    [for] { $by } recorded the council's instruction on motion { $motion } of the federation's meeting { $assembly }: vote for.
    [against] { $by } recorded the council's instruction on motion { $motion } of the federation's meeting { $assembly }: vote against.
    [abstain] { $by } recorded the council's instruction on motion { $motion } of the federation's meeting { $assembly }: abstain.
   *[free] { $by } recorded that the delegate votes freely on motion { $motion } of the federation's meeting { $assembly }.
}
ev-federation-seats-set = { $seats ->
    [0] { $by } took { $name } off the federation's member councils.
    [one] { $by } gave { $name } { $seats } seat in the federation, its vote weighing { $weight }.
   *[other] { $by } gave { $name } { $seats } seats in the federation, each vote weighing { $weight }.
}
ev-delegate-seated = { $by } seated { $name } in seat { $seat }, on their council's mandate { $mandate }.
ev-delegate-unseated = { $reason ->
    [recalled] { $by } unseated { $member }: their council recalled them.
   *[ended] { $by } unseated { $member }: their mandate ended.
}

# The federations page (federations/pages.rs)
fd-title = Federations and delegates
fd-memberships = Federations this council belongs to
fd-memberships-none = This council has not joined a federation.
fd-join = Join a federation
fd-join-help = Ask the federation's secretary for its id (64 characters, shown on the federation's own page), then record here that this council joined it.
fd-federation-id = The federation's id
fd-federation-name = The federation's name
fd-join-submit = Record that we joined
fd-mandates = Delegates and their mandates
fd-mandates-none = No mandate given yet.
fd-mandate-line = Mandate { $mandate }: { $delegate }, seat { $seat } in { $federation }
fd-active = Active
fd-recalled = Recalled
fd-ended = Ended
fd-petition = Petition to recall: { $signatures } of { $needed } signatures needed
fd-sign = Sign the petition to recall { $delegate }
fd-withdraw = Withdraw my signature
fd-instructed = Instruction on motion { $motion } of the federation's meeting { $assembly }: { $instruction ->
    [for] vote for
    [against] vote against
    [abstain] abstain
   *[free] free vote
}
fd-instruction-for = Vote for
fd-instruction-against = Vote against
fd-instruction-abstain = Abstain
fd-instruction-free = Free vote
fd-give = Give a mandate
fd-give-help = A mandate carries out a decision the council took: a vote that passed, a vote among candidates that elected the delegate, or a tallied election.
fd-federation = Federation
fd-seat = Seat
fd-delegate = Delegate
fd-decision = Decision
fd-no-decision = No decision to carry out yet: take the vote in a meeting first.
fd-not-a-number = Give a whole number for { $what }.
fd-instructions = Instructions (optional)
fd-give-submit = Record the mandate
fd-recall = Recall { $delegate }
fd-recall-help = The petition has its signatures. Put the recall to a yes-or-no vote in a meeting, then record the vote here.
fd-recall-submit = Record the recall
fd-end = End mandate { $mandate }
fd-end-question = End this mandate now, because its term is over or the delegate resigns?
fd-end-submit = End the mandate
fd-instruct = Instruct the delegate
fd-instruct-help = Once the council has voted on how its delegate should vote on a motion of the federation, record it here.
fd-meeting = Meeting number in the federation
fd-motion = Motion number
fd-instruction = Instruction
fd-instruct-submit = Record the instruction
fd-rule = Recall threshold
fd-rule-help = The share of the members who may vote whose signatures put a recall to the vote. Now: { $percent } %.
fd-percent = Percent
fd-rule-submit = Set the threshold
fd-id = This federation's id, to give to its member councils:
fd-members = Member councils
fd-members-none = No member council listed yet.
fd-member-line = { $seats ->
    [one] { $name }: { $seats } seat, its vote weighing { $weight }
   *[other] { $name }: { $seats } seats, each vote weighing { $weight }
}
fd-list = List a member council, or change its seats
fd-council-id = The member council's id
fd-council-name = Its name
fd-seats = Seats
fd-weight = Weight of each seat's vote
fd-list-submit = Save
fd-seated = Delegates seated
fd-seated-none = Nobody is seated yet.
fd-seated-line = { $name } ({ $council }, seat { $seat }), vote weighing { $weight }
fd-check-checked = Checked against the record of { $council }.
fd-check-unchecked = Not checked yet: the record of { $council } is not on this node.
fd-check-wrong = Does not hold: { $why }
fd-pending = Mandates waiting for a seat
fd-pending-line = { $delegate }, { $council }, seat { $seat } (mandate { $mandate })
fd-seat-submit = Seat { $delegate }
fd-ended-list = Mandates that ended
fd-unseat-submit = Unseat { $name }
fd-past = Delegates who left their seats
fd-past-line = { $reason ->
    [recalled] { $name } ({ $council }): recalled by their council
   *[ended] { $name } ({ $council }): mandate ended
}
fd-after-end = Votes cast after the mandate ended, kept and marked: { $votes }
fd-vote-ref = meeting { $assembly }, vote { $vote }

# Report-back (federations/pages.rs)
fd-voted = { $voted ->
    [yes] { $delegate } voted for, as the instruction allows.
    [no] { $delegate } voted against, as the instruction allows.
   *[abstain] { $delegate } abstained, as the instruction allows.
}
fd-voted-against = { $voted ->
    [yes] { $delegate } voted for, against the council's instruction. Members may sign the petition to recall them below.
    [no] { $delegate } voted against, against the council's instruction. Members may sign the petition to recall them below.
   *[abstain] { $delegate } abstained, against the council's instruction. Members may sign the petition to recall them below.
}

# A delegate's instructions on the meeting page (meetings/page.rs)
fd-your-instructions = Your instructions from { $council }
fd-your-instruction = Motion { $motion } “{ $title }”: { $instruction ->
    [for] vote for
    [against] vote against
    [abstain] abstain
   *[free] vote as you judge
}

# Decisions that come down from a federation (motion.received)
ev-motion-received = { $by } recorded the federation's decision “{ $title }”.

# Motions that travel (federations/pages.rs)
fd-forward = Bring a motion your council adopted
fd-forward-help = It goes under the agenda item now taken up in the federation's meeting, with its origin: anyone holding your council's record can check that it was adopted as written.
fd-forward-submit = Bring “{ $title }”
fd-no-open-meeting = The federation has no meeting in session with an agenda item taken up.
fd-decisions = Decisions of the federation
fd-decisions-help = Motions the federation adopted. Recording one here puts it in this council's record, with where it came from.
fd-receive-submit = Record “{ $title }” here
fd-received = Decisions of the federation recorded here
fd-origin = adopted first by { $council }

# Offices held for a term (councils/offices.rs)
office-title = Offices
office-line = { $name }: { $office }, until { $until }
office-ends-soon = (term ends soon)
office-give = Offices and their terms
office-give-help = Give a member an office (treasurer, chair, minute-taker…) until a date. The council's page shows who holds what until when.
office-member = Member
office-name = Office
office-name-example = Treasurer
office-until = Until (the end of that day, UTC)
office-give-submit = Give the office
office-end = End this term now
office-end-question = End this term before its date (resignation, or the council's decision)?
office-end-submit = End the term
office-bad-date = Give the end of the term as a date (year-month-day).
ev-office-term-given = { $by } gave { $member } the office of { $office } for a term.
ev-office-term-ended = { $by } ended office term { $term } early.

# Seats weighed by size (federations/pages.rs)
fd-by-size = Weighed by size: { $members } represented on { $date }.
fd-weigh-help = Weigh each member council's seats by its size: the members who may vote there (for a federation, the weight of its seated delegates), shared among its seats. The size is read from its record on this node and cited, so anyone can check it.
fd-weigh-submit = Weigh the seats by size now
fd-not-held = Not weighed, their records are not on this node: { $councils }. Their weights stay as they were.

# Mandate terms (federations/pages.rs)
fd-until = Until { $date }.
fd-term-over = Its term ended on { $date }: end this mandate and give a new one.
fd-until-label = Until (optional: the end of the term)

# Federation and office refusals (error.rs)
fr-bad-id = { $id } is not a council id (64 lower-case hex digits).
fr-itself = A council cannot be its own federation or member.
fr-already-joined = This council has joined that federation already.
fr-not-joined = This council has not joined that federation.
fr-bad-percent = The recall threshold is between 1 and 100 percent, not { $percent }.
fr-seat-taken = Seat { $seat } is held by mandate { $mandate } already.
fr-no-seat = Seats are numbered from 1.
fr-no-mandate = There is no mandate { $mandate }.
fr-mandate-ended = Mandate { $mandate } has ended.
fr-already-signed = This petition is signed by you already.
fr-not-signed = You have not signed this petition.
fr-threshold = Signatures on the petition: { $signatures } of the { $needed } needed to put a recall.
fr-vote-before-petition = That vote was opened before the petition reached its threshold: put the recall to a new vote.
fr-no-vote = There is no vote { $vote } in meeting { $meeting }.
fr-vote-open = Vote { $vote } in meeting { $meeting } is not closed yet.
fr-not-passed = Vote { $vote } in meeting { $meeting } did not pass.
fr-not-elected = Vote { $vote } in meeting { $meeting } did not elect { $name }.
fr-not-yes-no = This needs a yes-or-no vote, and vote { $vote } in meeting { $meeting } chose among options.
fr-not-tallied = Election { $election } is not counted yet.
fr-decision-used = That decision has been carried out by another step already.
fr-not-a-federation = Only a federation lists member councils and seats delegates.
fr-not-listed = That council is not a member of this federation.
fr-seats-occupied = { $occupied } of the council's seats are occupied; it cannot have fewer.
fr-bad-weight = A seat's weight is between 1 and 1000000, not { $weight }.
fr-not-by-size = By size, { $members } members over { $seats } seats give each seat a weight of { $expected }, not { $weight }.
fr-beyond-seats = Seat { $seat } is beyond the { $seats } seats the council has.
fr-mandate-used = Mandate { $mandate } of that council was seated already.
fr-citation-council = The citation is of another council than the one whose seat it is.
fr-not-seated = That member holds no seat.
fr-not-the-delegate = Only the delegate or who presides ends a mandate.
fr-not-your-council = A delegate brings only motions their own council adopted.
fr-already-received = That decision of the federation is recorded here already.
fr-citation-wrong = The citation does not hold against the record on this node: { $why }
fr-term-ends-before = The term must end after it begins.
fr-no-term = There is no office term { $term }.
fr-term-ended = Office term { $term } has ended.

# Ranked secret ballots
el-kind = How voters answer
el-kind-mark = Mark answers
el-kind-irv = Rank them: instant-runoff (one winner)
el-kind-stv = Rank them: single transferable vote (several seats)
el-kind-schulze = Rank them: Schulze (Condorcet)
el-kind-borda = Rank them: Borda count
el-kind-mj = Majority judgment
el-seats = Seats (STV)
el-kind-help = A ranked ballot stays secret: the trustees shuffle the ballots before decrypting them, so each ranking is counted without anyone knowing whose it is. Every voter then counts once.
el-error-ranked-weights = A ranked question counts every ballot once: a roll with weights cannot have one.
el-js-rank-none = Question { $question }: give rank 1 to your first choice.
el-js-rank-gap = Question { $question }: use ranks 1, 2, 3… in order, each once.
el-rank-how = Give rank 1 to your first choice, 2 to your next, and so on. You need not rank all { $count }.
el-rank-none = Not ranked
el-rank-n = Rank { $rank }
el-js-shuffle-needed = Voting is closed. Before anyone decrypts, each trustee shuffles the ranked ballots: press “Shuffle in this browser”, or shuffle on your own computer and send the file.
el-js-shuffle-waiting = Your shuffle is in. Waiting for the other trustees to shuffle; then you decrypt.
el-shuffle-help = Shuffling re-encrypts the ballots in a secret order and proves it, so nobody can tell whose ranking is whose.
el-shuffle-send = Then send shuffle.txt with “File made with the command line” below.
el-error-shuffle = The shuffle is refused: { $reason }
el-ranked-seats = { $method }, { $seats } seats
el-ranked-ballots = { $count } ballots, shuffled by trustees { $trustees }
el-ranked-elected = Elected: { $names }
el-ranked-lots = Ties were broken by lot, drawn from { $seed } (from the hash of the decrypted result), so anyone who recounts draws the same.
el-ranked-count-failed = The count failed: { $reason }
el-ranked-ballots-list = The decrypted ballots (in shuffled order; each number is a rank)

# Ranked secret ballots
el-method-borda = Borda count (ranked)

# Ranked secret ballots
el-shuffle-here = Shuffle in this browser
el-shuffle-or = Or shuffle on your own computer with the command line:
el-js-shuffling = Shuffling and proving…

# The election's group
el-group = Cryptographic group
el-group-help = Ed25519 (Belenios 3) is the fastest on phones. BELENIOS-2048 is for checking the election with belenios-tool 2.0; it cannot hold ranked questions. RFC-3526-2048 is a 2048-bit group that can.
el-error-ranked-group = A ranked question cannot be held in BELENIOS-2048: choose Ed25519 or RFC-3526-2048.

# STV's rules in the set-up form
el-rules = Rules
el-rules-scottish = Scottish STV rules
el-rules-wigm = weighted inclusive Gregory method
el-rules-ers97 = ERS97 rules
el-rules-meek = Meek's method

# Majority judgment in the set-up form, the booth and the result
el-grades = Grades (majority judgment), best first, one per line
el-grades-example = Excellent / Good / Fair / Poor / Reject, one per line
el-grade-how = Give every candidate a grade. The candidate whose median grade is best wins.
el-grade-none = Choose a grade
el-js-grade-missing = Question { $question }: give every candidate a grade.
el-answer = Answer
el-majority-grade = Majority grade

# Who has shuffled, on the election's page
el-trustee-shuffled = has shuffled the ranked ballots
el-trustee-to-shuffle = has not shuffled the ranked ballots yet
