# kenes — norsk bokmål (oversettelse av referansekatalogen en.ftl: nøyaktig de samme nøklene).

## Ramme
skip-to-content = Hopp til innholdet
nav-label = Hovedmeny
nav-councils = Råd
nav-account = Konto
nav-sign-in = Logg inn
nav-sign-out = Logg ut
language-label = Språk
language-switch = Bytt
footer-text = kenes holder hvert råds protokoll signert og hashkjedet: alle som har en kopi, kan kontrollere den.

## Forside og innlogging
home-title = Velkommen til kenes
home-intro = kenes hjelper råd, fagforeninger, samvirkelag og forsamlinger med å styre seg selv: medlemmer, møter, avstemninger og en protokoll som ingen i det stille kan skrive om.
signin-title = Logg inn
signin-submit = Logg inn
signin-failed = Brukernavnet eller passordet er feil.
signin-link-hint = Har du fått en innloggingslenke? Åpne den på denne enheten i stedet.
field-username = Brukernavn
field-username-hint = 3 til 64 bokstaver, sifre, punktum, bindestreker eller understreker.
field-password = Passord
field-new-password = Nytt passord
field-password-hint = Minst 10 tegn.
field-display-name = Visningsnavn
display-name-hint = Navnet rådet kjenner deg under. Det kan være et pseudonym; det er alt protokollen sier om deg.
field-role = Rolle
field-council = Råd

## Første administrator
setup-title = Sett opp denne kenes-noden
setup-intro = Opprett den første administratorkontoen. Denne lenken virker bare én gang.
setup-submit = Opprett administrator

## Råd
councils-title = Dine råd
councils-none = Du er ikke medlem av noe råd ennå.
councils-caption = Råd du er medlem av
council-create = Opprett et råd
council-name = Navn
council-kind = Type
council-description = Beskrivelse
council-languages = Språk
council-founder-name = Visningsnavnet ditt i dette rådet
council-members-count = Medlemmer
council-your-role = Din rolle
council-member-total = { $count ->
    [one] { $count } medlem
   *[other] { $count } medlemmer
}
council-sections = Rådets sider
settings-title = Innstillinger for rådet
settings-submit = Lagre innstillingene
kind-workplace = Arbeidsplassråd
kind-neighbourhood = Nabolagsråd
kind-union = Fagforening
kind-cooperative = Samvirkelag
kind-federation = Sammenslutning av råd
kind-assembly = Forsamling

## Medlemmer
members-title = Medlemmer
member-you = (deg)
member-joined = Innmeldt
member-number = Medlemsnummer
member-status = Status
member-active = Aktiv
member-removed = Fjernet
member-joined-via = Innmeldt via
joined-via-invitation = Invitasjon
joined-via-secretary = Lagt til av leder eller sekretær
member-rename-title = Visningsnavn
member-rename-submit = Endre navn
member-manage = Administrer dette medlemmet
member-change-role = Endre rolle
member-make-link = Lag en innloggingslenke
member-remove = Fjern fra rådet
member-add-title = Legg til et medlem
member-add-hint = Legg til noen med navn; kenes gir deg en engangslenke for innlogging som du gir videre til vedkommende.
member-add-submit = Legg til medlem
member-added-title = Medlem lagt til
member-added-hint = Gi denne engangslenken til medlemmet, personlig eller gjennom en kanal du stoler på. Den logger medlemmet inn én gang og utløper om 14 dager.
member-link-title = Innloggingslenke
link-label = Lenke
back-to-council = Tilbake til rådet
role-member = Medlem
role-chair = Leder
role-secretary = Sekretær
role-observer = Observatør

## Invitasjoner
invite-title = Inviter noen
invite-hint = Lag en engangslenke; den som åpner den, velger visningsnavn og passord og blir med i rollen du velger.
invite-submit = Lag invitasjonslenke
invite-created-title = Invitasjonslenke
invite-created-hint = Send denne lenken til én person. Den virker én gang og utløper om 14 dager.
join-title = Bli med i { $council }
join-intro = Du er invitert til å bli med i dette rådet. Velg hvilket navn rådet skal kjenne deg under.
join-submit = Bli med

## Innloggingslenker
link-signin-title = Logg inn med lenken din
link-signin-intro = Denne lenken logger deg inn én gang. Deretter kan du velge et passord på kontosiden din.

## Import
import-title = Importer en medlemsliste
import-hint = Last opp en CSV-fil med en overskriftsrad og en «name»-kolonne; kolonnene «role» og «contact» er valgfrie. Kontaktopplysninger blir på denne noden og kommer aldri inn i protokollen. Hvis én rad er feil, blir ingenting importert.
import-file = CSV-fil
import-submit = Importer
import-done = { $count ->
    [one] { $count } medlem importert.
   *[other] { $count } medlemmer importert.
}
import-refused = { $count ->
    [one] { $count } rad ble avvist, så ingenting ble importert. Rett den og last opp filen på nytt.
   *[other] { $count } rader ble avvist, så ingenting ble importert. Rett dem og last opp filen på nytt.
}
import-file-error = Filen kan ikke leses som en medlemsliste: { $detail }
import-rejected-caption = Avviste rader
import-line = Linje
import-reason = Årsak
roll-field-count = Denne raden har { $found } felt, men overskriftsraden har { $expected }.
roll-csv = CSV-en er feilformatert her: { $detail }
roll-contact = Kontaktopplysningen er lengre enn 200 tegn eller inneholder kontrolltegn.
roll-already-member = { $name } er allerede medlem av dette rådet.
roll-duplicate = { $name } står allerede på linje { $line }.

## Protokoll
record-title = Protokoll
record-of = Protokoll for { $council }
record-intro = Hver endring i dette rådet er en hendelse: nummerert, signert av noden som skrev den, og lenket til den forrige gjennom dens hash.
record-council-id = Råds-ID
record-home-node = Hjemmenode
record-height = Nummer
record-height-n = hendelse nr. { $height }
record-time = Tid
record-kind = Type
record-hash = Hash
record-payload = Innhold
bundle-download = Last ned protokollen (én fil)
record-pages = Sider i protokollen
record-newer = Nyere hendelser
record-older = Eldre hendelser

## Konto
account-title = Kontoen din
account-no-password = Kontoen din har ikke passord ennå: du logget inn med en lenke. Velg et passord, så kan du logge inn igjen senere.
account-set-password = Velg passord
account-password-set = Passordet ditt er satt.

## Feil
error-title = Noe er ikke i orden
error-back = Gå tilbake
error-not-found = Det er ingenting her.
error-sign-in-required = Logg inn først.
error-forbidden = Du har ikke lov til å se eller gjøre dette.
error-csrf = Dette skjemaet har utløpt eller kom ikke fra dette nettstedet. Last inn siden på nytt og prøv igjen.
error-too-large = Det du sendte, er for stort.
error-internal = Noe gikk galt på serveren. Ingenting ble endret.
error-json = Innholdet i forespørselen er ikke den forventede JSON-en.
error-upload = Opplastingen kunne ikke leses.
error-password-length = Passordet må ha minst 10 tegn.
error-username = Brukernavnet må ha 3 til 64 bokstaver, sifre, punktum, bindestreker eller understreker.
error-username-taken = Det brukernavnet er opptatt.
error-link-invalid = Denne lenken er ikke gyldig: den er allerede brukt, den har utløpt, eller den er skrevet feil.
error-already-member = Du er allerede medlem av dette rådet.
error-empty = { $what ->
    [display-name] Visningsnavnet er tomt.
    [council-name] Navnet på rådet er tomt.
    [languages] Velg minst ett språk.
   *[other] Et obligatorisk felt er tomt.
}
error-too-long = { $what ->
    [display-name] Visningsnavnet er lengre enn { $max } tegn.
    [council-name] Navnet på rådet er lengre enn { $max } tegn.
    [description] Beskrivelsen er lengre enn { $max } tegn.
   *[other] Et felt er lengre enn { $max } tegn.
}
error-control = { $what ->
    [display-name] Visningsnavnet inneholder kontrolltegn.
    [council-name] Navnet på rådet inneholder kontrolltegn.
   *[other] Et felt inneholder kontrolltegn.
}
error-council-kind = Velg en rådstype fra listen.
error-role = Rollen må være medlem, leder, sekretær eller observatør.
error-language = Velg språk fra listen.
error-not-a-member = Den personen er ikke aktivt medlem av dette rådet.
error-not-allowed = Bare en leder eller en sekretær kan gjøre dette.
error-duplicate-name = Et medlem som heter { $name }, finnes allerede i dette rådet.
error-last-manager = Rådet må beholde minst én leder eller sekretær.
error-empty-import = Det er ingenting å importere.
error-import-too-large = En import kan ha høyst 10 000 medlemmer.
error-unchanged = Medlemmet har allerede den rollen.
