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
signin-link-hint = Were you given a sign-in link? Open it on this device instead.
field-username = Username
field-username-hint = 3 to 64 letters, digits, dots, dashes or underscores.
field-password = Password
field-new-password = New password
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
roll-field-count = This row has { $found } fields but the header has { $expected }.
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

## Errors
error-title = Something is not right
error-back = Go back
error-not-found = There is nothing here.
error-sign-in-required = Please sign in first.
error-forbidden = You may not see or do this.
error-csrf = This form has expired or did not come from this site. Reload the page and try again.
error-too-large = What you sent is too large.
error-internal = Something went wrong on the server. Nothing was changed.
error-json = The request body is not the JSON expected.
error-upload = The upload could not be read.
error-password-length = The password must have at least 10 characters.
error-username = The username must have 3 to 64 letters, digits, dots, dashes or underscores.
error-username-taken = That username is taken.
error-link-invalid = This link is not valid: it was used already, it has expired, or it was mistyped.
error-already-member = You are already a member of this council.
error-empty = { $what ->
    [display-name] The display name is empty.
    [council-name] The council name is empty.
    [languages] Choose at least one language.
   *[other] A required field is empty.
}
error-too-long = { $what ->
    [display-name] The display name is longer than { $max } characters.
    [council-name] The council name is longer than { $max } characters.
    [description] The description is longer than { $max } characters.
   *[other] A field is longer than { $max } characters.
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
