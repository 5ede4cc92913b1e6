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
signin-throttled = For mange mislykkede innlogginger med dette navnet fra denne enheten. Prøv igjen om { $minutes } min.
signin-link-hint = Har du fått en innloggingslenke? Åpne den på denne enheten i stedet.
field-username = Brukernavn
field-username-hint = 3 til 64 bokstaver, sifre, punktum, bindestreker eller understreker.
field-password = Passord
field-new-password = Nytt passord
field-current-password = Nåværende passord
password-current-wrong = Det nåværende passordet er feil; passordet ble ikke endret.
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
settings-private = Lukket råd: valg bare for medlemmenes øyne
settings-private-hint = Valgsider, valgurner og arkiver vises da bare for medlemmer som er logget inn; alle andre får beskjed om at siden ikke finnes.
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
joined-via-founder = Grunnla rådet
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
links-title = Åpne lenker
links-hint = Invitasjoner og innloggingslenker som ingen har brukt ennå. Trekk tilbake en som havnet hos feil person.
links-none = Ingen åpne lenker.
links-col-link = Lenke
links-col-expires = Utløper
link-invitation = Invitasjon som { $role }, laget av { $name }
link-signin = Innloggingslenke for { $name }
link-revoke = Trekk tilbake
link-revoke-label = Trekk tilbake lenken som utløper { $expires }
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
account-links-title = Innloggingslenker laget for deg
account-links-new = Det er laget innloggingslenker for deg siden du sist logget inn: listen viser hvem som laget hver av dem, og når den ble brukt. Den som brukte en, ble logget inn som deg; var det ikke deg, si fra til sekretæren i rådet ditt og velg et passord.
account-links-maker = Laget av
account-links-made = Laget
account-links-used = Brukt
account-links-unused = ikke brukt
account-links-fresh = (ny)

## Feil
error-title = Noe er ikke i orden
error-back = Gå tilbake
error-not-found = Det er ingenting her.
error-sign-in-required = Logg inn først.
error-forbidden = Du har ikke lov til å se eller gjøre dette.
error-csrf = Dette skjemaet har utløpt eller kom ikke fra dette nettstedet. Last inn siden på nytt og prøv igjen.
error-too-large = Det du sendte, er for stort.
error-internal = Noe gikk galt på serveren. Ingenting ble endret.
error-too-many-streams = Denne kontoen følger allerede så mange direktesider som den kan. Lukk en annen fane eller siden på en telefon, og last inn på nytt.
error-busy = Serveren har for mye å kontrollere akkurat nå. Ingenting ble endret: prøv igjen om et øyeblikk.
error-json = Innholdet i forespørselen er ikke den forventede JSON-en.
error-upload = Opplastingen kunne ikke leses.
error-password-length = Passordet må ha minst 10 tegn.
error-username = Brukernavnet må ha 3 til 64 bokstaver, sifre, punktum, bindestreker eller understreker.
error-username-taken = Det brukernavnet er opptatt.
error-link-invalid = Denne lenken er ikke gyldig: den er allerede brukt, den har utløpt, den er trukket tilbake, eller den er skrevet feil.
error-link-own-account = Dette medlemmet har en egen konto (med passord, eller i andre råd), så det kan ikke lages noen innloggingslenke for kontoen: medlemmet logger inn med passordet sitt.
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
error-out-of-range = { $what ->
    [quorum] Kravet til beslutningsdyktighet er en prosentandel fra 0 til { $max }.
    [seconders] Det kan kreves støtte fra høyst { $max }.
    [speaking-time] { $max ->
        [one] Taletiden kan være høyst { $max } sekund.
       *[other] Taletiden kan være høyst { $max } sekunder.
    }
   *[other] Et tall er større enn { $max }.
}

## Møter
mt-assemblies = Møter
mt-none = Dette rådet har ingen møter ennå.
mt-title = Tittel
mt-starts = Når
mt-place = Hvor
mt-status = Status
mt-status-planned = Planlagt
mt-status-open = Pågår
mt-status-closed = Avsluttet
mt-convene = Kall inn til møte
mt-rules = Forretningsorden for møtet
mt-quorum-percent = Beslutningsdyktighet (prosent av de stemmeberettigede medlemmene som må være til stede)
mt-seconders = Hvor mange som må støtte et forslag
mt-speaking-seconds = Taletid i sekunder (0 for ingen grense)
mt-alternate = Talere for og mot slipper til annenhver gang
mt-sections = Møtets sider
mt-projector = Prosjektorvisning
mt-minutes = Referat
mt-reconnecting = Forbindelsen ble brutt: kobler til igjen … Siden henter seg inn av seg selv.
mt-present-count = Til stede: { $present }, nødvendig for beslutningsdyktighet: { $needed }
mt-quorum-met = beslutningsdyktig
mt-quorum-missing = ikke beslutningsdyktig
mt-check-in = Sjekk inn
mt-check-out = Sjekk ut
mt-you-are-present = Du er sjekket inn.
mt-agenda = Dagsorden
mt-agenda-empty = Dagsordenen er tom.
mt-minutes-planned = ({ $minutes } min)
mt-take-item = Ta opp
mt-take-item-label = Ta opp sak { $number }
mt-now = Til behandling
mt-speakers = Talerliste
mt-speaking-now = Har ordet
mt-nobody-speaking = Ingen har ordet.
mt-list-empty = Ingen står på talerlisten.
mt-more-waiting = …og { $count } til.
mt-waiting = Venter på ordet
mt-speech-kind = Be om ordet
mt-speech-speech = innlegg
mt-speech-for = for forslaget
mt-speech-against = mot forslaget
mt-speech-point-of-order = til forretningsorden
mt-request-floor = Tegn deg
mt-leave-list = Stryk deg fra talerlisten
mt-move-front = Flytt først
mt-remove-speaker = Fjern
mt-give-floor = Neste taler
mt-end-speech = Avslutt innlegget
mt-motion-number = Forslag { $number }
mt-moved-by = fremmet av { $name }
mt-seconded-by = støtte: { $count } av { $needed }
mt-alternative-to = alternativ til forslag { $number }
mt-motion-submitted = fremmet
mt-motion-admitted = tatt opp til behandling
mt-motion-debated = under debatt
mt-motion-voting = til avstemning
mt-motion-adopted = vedtatt
mt-motion-rejected = falt
mt-motion-withdrawn = trukket
mt-motion-referred = oversendt
mt-amendment-number = Endringsforslag { $number }
mt-amendment-lines = til linje { $from }–{ $to }
mt-second = Støtt
mt-withdraw = Trekk
mt-admit = Ta opp til behandling
mt-debate = Åpne debatten
mt-refer = Oversend
mt-put-roll-call = Stem ved navneopprop
mt-put-tellers = Stem med opptelling ved tellekorps
mt-amend = Fremme et endringsforslag
mt-from-line = Fra linje
mt-to-line = Til linje
mt-new-text = Ny tekst (la den stå tom for å stryke linjene)
mt-amend-submit = Fremme endringsforslaget
mt-vote-number = Avstemning { $number }
mt-roll-call = navneopprop, stemmene føres ved navn
mt-tellers = opptelling ved tellekorps
mt-majority = flertall: mer enn { $num }/{ $den } av { $basis }
mt-majority-at-least = flertall: minst { $num }/{ $den } av { $basis }
mt-basis-votes-cast = avgitte stemmer
mt-basis-yes-no = ja- og nei-stemmer
mt-basis-members = alle medlemmer
mt-basis-present = medlemmer til stede
mt-vote-open = Avstemningen er åpen
mt-votes-so-far = Har stemt så langt: { $count }
mt-choice-yes = Ja
mt-choice-no = Nei
mt-choice-abstain = Avstår
mt-you-voted = Stemmen din er registrert.
mt-enter-counts = Før inn opptellingen
mt-counted = Ja: { $yes }, nei: { $no }, avstår: { $abstain }.
mt-close-vote = Avslutt avstemningen
mt-carried = Vedtatt
mt-lost = Falt
mt-needed = { $needed ->
    [one] Det trengtes { $needed } ja-stemme (av { $basis }).
   *[other] Det trengtes { $needed } ja-stemmer (av { $basis }).
}
mt-by-name = Stemmer ved navn
mt-results = Resultater
mt-announce-vote-open = Avstemningen er åpen: { $question }
mt-announce-speaker = { $name } har ordet.
mt-announce-carried = Vedtatt: { $question }
mt-announce-lost = Falt: { $question }
mt-chair = Møteledelse
mt-open = Sett møtet
mt-close = Hev møtet
mt-add-item = Sett opp en sak på dagsordenen
mt-item-minutes = Planlagte minutter
mt-item-parent = Under sak
mt-mark-attendance = Sjekk medlemmer inn eller ut
mt-member = Medlem
mt-put-question = Sett et spørsmål under avstemning
mt-question = Spørsmål
mt-mode = Hvordan
mt-majority-rule = Flertall
mt-majority-simple = Alminnelig flertall
mt-majority-two-thirds = To tredjedeler
mt-majority-three-quarters = Tre fjerdedeler
mt-basis = Regnes av
mt-open-vote = Åpne avstemningen
mt-annotate = Legg til en merknad i referatet
mt-note = Merknad
mt-move = Fremme et forslag
mt-item = Sak på dagsordenen
mt-motion-text = Forslagstekst
mt-motion-text-hint = Endringsforslag viser til linjenumrene.
mt-alternative = Som alternativ til
mt-move-submit = Fremme forslaget
mt-error-number = Feltet { $field } må være et heltall.
mt-error-field = Feltet { $field } mangler eller er ikke et av valgene.

## Referat
mn-title = Referat
mn-convened-by = Innkalt av
mn-opened = Satt
mn-closed = Hevet
mn-present = Til stede
mn-present-count = Medlemmer sjekket inn: { $count }.
mn-taken-up = Tatt opp { $time }.
mn-spoke = Hadde ordet
mn-seconded = støttet av
mn-as-moved = Slik det ble fremmet
mn-as-adopted = Slik det ble vedtatt
mn-question = spørsmål
mn-opened-at = åpnet { $time }
mn-notes = Sekretærens merknader
mn-footer = Laget fra rådets protokoll (råd { $council }, til og med hendelse { $height }). Alle som har protokollen, kan lage dette referatet på nytt og kontrollere det.

## Avvisninger i møtet
refused-no-assembly = Det finnes ikke noe møte { $number }.
refused-not-open = Møtet er ikke satt.
refused-closed = Møtet er hevet.
refused-already-open = Møtet er allerede satt.
refused-not-presiding = Bare lederen eller sekretæren kan gjøre dette.
refused-observer = Observatører kan ikke fremme eller støtte forslag, ta ordet eller stemme.
refused-only-for-themselves = Medlemmer kan bare gjøre dette for seg selv.
refused-not-checked-in = Sjekk inn først: bare medlemmer som er til stede, kan gjøre dette.
refused-already-checked-in = Allerede sjekket inn.
refused-no-item = Det finnes ingen sak { $number } på dagsordenen.
refused-not-current-item = Den saken er ikke den som er til behandling.
refused-already-current = Den saken er allerede til behandling.
refused-too-deep = { $depth ->
    [one] Dagsordenen kan ha høyst { $depth } nivå med undersaker.
   *[other] Dagsordenen kan ha høyst { $depth } nivåer med undersaker.
}
refused-too-many-items = En dagsorden kan ha høyst { $max } saker.
refused-too-many-motions = Et møte kan ha høyst { $max } forslag.
refused-too-many-amendments = Et møte kan ha høyst { $max } endringsforslag.
refused-no-motion = Det finnes ikke noe forslag { $number }.
refused-motion-state = Forslaget er { $status ->
        [submitted] fremmet
        [admitted] tatt opp til behandling
        [debated] under debatt
        [voting] til avstemning
        [adopted] vedtatt
        [rejected] falt
        [withdrawn] trukket
        [referred] oversendt
       *[other] «{ $status }»
    }: dette kan ikke gjøres nå.
refused-motion-admit-first = Forslag { $number } er ikke tatt opp ennå: lederen tar det opp først (Ta opp til behandling), så kan det debatteres, endres og settes til avstemning.
refused-amendment-undecided = Endringsforslag { $number } er ikke avgjort: sett det til avstemning eller la det trekkes før forslaget settes til avstemning.
refused-no-amendment = Det finnes ikke noe endringsforslag { $number }.
refused-amendment-state = Endringsforslaget er { $status ->
        [submitted] fremmet
        [admitted] tatt opp til behandling
        [debated] under debatt
        [voting] til avstemning
        [adopted] vedtatt
        [rejected] falt
        [withdrawn] trukket
        [referred] oversendt
       *[other] «{ $status }»
    }: dette kan ikke gjøres nå.
refused-not-mover = Bare forslagsstilleren kan trekke det.
refused-own-motion = Forslagsstilleren kan ikke støtte sitt eget forslag eller endringsforslag.
refused-already-seconded = Du har allerede støttet det.
refused-not-seconded = Det trenger støtte fra { $needed } og har { $have }.
refused-line-range = { $lines ->
    [one] De linjene finnes ikke i forslaget, som har { $lines } linje.
   *[other] De linjene finnes ikke i forslaget, som har { $lines } linjer.
}
refused-stale-amendment = Forslaget er endret siden dette endringsforslaget ble skrevet: skriv det på nytt ut fra gjeldende tekst.
refused-bad-alternative = Et alternativ må gjelde et annet forslag under samme sak på dagsordenen.
refused-already-waiting = Du står allerede på talerlisten.
refused-not-waiting = Det medlemmet står ikke på talerlisten.
refused-nobody-waiting = Ingen står på talerlisten.
refused-nobody-speaking = Ingen har ordet.
refused-no-quorum = Ikke beslutningsdyktig: { $present } til stede, { $needed } trengs.
refused-vote-open = En avstemning er åpen: avslutt den først.
refused-no-vote = Det finnes ingen avstemning { $number }.
refused-vote-closed = Den avstemningen er avsluttet.
refused-already-voted = Du har allerede stemt.
refused-counted-by-tellers = Denne avstemningen telles opp av tellekorpset, ikke ved navn.
refused-by-name = Denne avstemningen er ved navn: det er ingen opptelling å føre inn.
refused-too-many-counted = { $present ->
    [one] Opptellingen blir { $counted }, flere enn det { $present } medlemmet som er til stede.
   *[other] Opptellingen blir { $counted }, flere enn de { $present } medlemmene som er til stede.
}
refused-not-counted = Før inn tellekorpsets opptelling før du avslutter avstemningen.
refused-bad-majority = Flertallet må være en brøk mellom 0 og 1.
demo-not-empty = Demoen fyller bare en ny datamappe; denne inneholder allerede et råd.

# Votes among options
mt-put-choice = Sett et valg mellom alternativer til avstemning
mt-options = Alternativer, ett per linje
mt-method = Opptellingsmetode
mt-method-plurality = Flest stemmer (flest kryss)
mt-method-irv = Omvalg med rangering (IRV)
mt-method-stv = Enkelt overførbar stemme (rangert)
mt-method-schulze = Schulze (rangert)
mt-method-seats = { $seats ->
    [one] { $method }, { $seats } plass
   *[other] { $method }, { $seats } plasser
}
mt-seats = Plasser som skal fylles
mt-preference = Valg { $number }
mt-mark = Kryss { $number }
mt-cast-ballot = Avgi stemmeseddelen min
mt-elected = Valgt: { $names }
mt-nobody-elected = Ingen er valgt
mt-ballots-counted = Stemmesedler: { $marked } utfylt, { $empty } { $empty ->
    [one] blank
   *[other] blanke
}
mt-count-stages = Opptellingen, trinn for trinn
mt-option = Alternativ
mt-stage = Trinn { $number }
mt-exhausted = Oppbrukt
mt-order = Rekkefølge: { $order }
mt-announce-elected = { $question }: { $names }
refused-chooses-among-options = Denne avstemningen velger mellom alternativer: ranger dem i stedet for å svare ja eller nei.
refused-yes-no-vote = Dette er en ja/nei-avstemning; den har ingen alternativer å rangere.
refused-options-need-question = En avstemning mellom alternativer stiller et spørsmål og tas ved navneopprop.
error-count = { $what ->
    [options] Oppgi mellom { $min } og { $max } alternativer (det er { $got }).
    [seats] Plassene må være mellom { $min } og { $max } (ikke { $got }).
    [marks] { $max ->
        [one] En stemmeseddel kan krysse av for høyst { $max } alternativ (denne har { $got }).
       *[other] En stemmeseddel kan krysse av for høyst { $max } alternativer (denne har { $got }).
    }
   *[other] Det finnes ikke noe alternativ nummer { $got }; alternativene er nummerert 1 til { $max }.
}
error-duplicate-option = «{ $value }» står to ganger.
mt-minutes-pdf = Referat (PDF)
mt-move-up = Flytt opp
mt-move-down = Flytt ned

# Secret elections
el-elections = Valg
el-none = Ingen valg ennå.
el-new = Sett opp et valg
el-title = Tittel
el-description = Beskrivelse (valgfritt)
el-question-number = Spørsmål { $number }
el-question = Spørsmål
el-answers = Svar, ett per linje
el-min = Minst
el-max = Høyst
el-blank = Det er lov å stemme blankt
el-trustees = Nøkkelverger
el-threshold = Nøkkelverger som trengs for å dekryptere (0: alle, hver med sin egen nøkkel)
el-threshold-help = Med en terskel kan hvilke som helst så mange nøkkelverger dekryptere resultatet sammen; færre kan ikke.
el-create = Sett opp valget
el-status-setup = Under oppsett: nøkkelvergene lager nøklene sine
el-status-open = Avstemningen er åpen
el-status-closed = Avstemningen er stengt: nøkkelvergene dekrypterer resultatet
el-status-tallied = Resultatet er offentliggjort
el-questions = Spørsmål
el-choose = velg { $min } til { $max }
el-trustee-decrypted = har dekryptert
el-trustee-key-ready = nøkkel laget
el-trustee-waiting = har ikke laget nøkkel ennå
el-threshold-of = { $k } av { $n ->
    [one] { $n } nøkkelverge
   *[other] de { $n } nøkkelvergene
} trengs for å dekryptere.
el-trustee-page = Min del som nøkkelverge
el-get-credential = Hent stemmekoden min
el-vote = Stem
el-board = Valgurne
el-ballots-counted = { $counted } { $counted ->
    [one] stemmeseddel
   *[other] stemmesedler
} teller ({ $cast } avgitt, medregnet omstemming) av { $voters } { $voters ->
    [one] velger
   *[other] velgere
}.
el-trackers = Sporingsnumre for stemmesedlene som teller
el-result = Resultat
el-blank-vote = Blank stemme
el-archive = Last ned valgarkivet (.bel)
el-verify = Kontroller valget
el-controls = Sekretærens kontroller
el-open = Åpne avstemningen
el-waiting-for-trustees = Venter på at nøkkelvergene blir ferdige med nøklene.
el-slips = Skriv ut kort med stemmekoder (PDF)
el-slips-again = Skriv ut nye kort (PDF), så de tidligere blir ugyldige
el-waiting-for-slips = Skriv ut kortene med stemmekoder først: avstemningen åpnes når de er laget.
el-hall = Salmodus: stemmekoder på utskrevne kort, for velgere uten konto
el-hall-help = Den som har et kort, stemmer med det uten å logge inn. Dette er svakere enn standardvalget: den som håndterer kortene, kan stemme med dem som ikke ble delt ut. Uten salmodus stemmer hvert medlem innlogget, med en stemmekode som bare medlemmet selv kan bruke.
el-mode-hall = Salmodus: den som har et kort med stemmekode, stemmer uten å logge inn.
el-mode-members = Hvert medlem stemmer innlogget, med sin egen stemmekode; en stemmekode virker bare for ett medlem.
el-error-slips-before-opening = Kortene skrives ut før avstemningen åpnes, ikke etterpå.
el-error-not-hall = I dette valget får hvert medlem sin egen stemmekode; kort er bare for valg i salmodus.
el-error-not-a-voter = Du står ikke i manntallet for dette valget.
el-error-credential-taken = Denne stemmekoden er allerede brukt av et annet medlem: den er ikke din.
el-error-other-credential = Du har allerede stemt med en annen stemmekode: stem på nytt med den.
el-total-weight = Samlet vekt
el-error-total-weight = Vektene i manntallet blir til sammen { $total }; et valg kan telle høyst { $max }.
el-error-credential-weight = En offentlig kode har vekten { $weight }, som manntallet ikke gir: vektene kommer fra manntallet (én stemme hver, eller plassvekten til en delegat i en sammenslutning).
el-weights = Velgernes vekter:
el-weight-count = { $count } med vekt { $weight }
el-decryption-inconsistent = Nøkkelvergenes dekrypteringer gir ikke noe resultat: en dekrypteringsfaktor er feil, selv om beviset for den stemmer. { $trustees ->
    [none] Resultatet kommer når en annen nøkkelverge dekrypterer.
   *[other] Mistenkt: { $trustees }. Resultatet kommer når en annen nøkkelverge dekrypterer, eller når den mistenkte dekrypterer på nytt.
}
el-counted-weights = Talte stemmesedler og vektene deres
el-tracker-heading = Sporingsnummer
el-weight-heading = Vekt
el-publish = Offentliggjør dette valget
el-publish-help = Siden, valgurnen og arkivet blir synlige for alle som vil se og kontrollere dem, selv om rådet forblir lukket. Dette skrives i protokollen og kan ikke angres.
el-published = Rådet er lukket, men dette valget er offentliggjort: hvem som helst kan se og kontrollere det.
el-private = Rådet er lukket: bare medlemmene ser dette valget.
el-refused-published = Dette valget er allerede offentliggjort.
el-close = Steng avstemningen
el-back = Tilbake til valget
el-loading = Laster…
el-needs-javascript = Denne siden trenger JavaScript: nøklene og krypteringen lages i nettleseren din, aldri på serveren.
el-trustee-key-help = Nøkkelen din lages i denne nettleseren og tilbys deg som en fil. Ta godt vare på filen: du trenger den for å dekryptere resultatet. Den sendes aldri til serveren.
el-make-key = Lag nøkkelen min
el-key-file = Nøkkelvergefilen din for dette valget (.json-filen du tok vare på, eller .key- og .dkey-filene fra kommandolinjen)
el-continue = Fortsett
el-download-key = Last ned nøkkelfilen
el-credential-once = Dette er stemmekoden din. Den vises bare én gang: serveren glemmer den nå. Stem med lenken, eller skriv ned koden.
el-vote-now = Stem nå
el-credential = Stemmekode
el-encrypt = Krypter stemmeseddelen min
el-sealed = Stemmeseddelen din er kryptert i denne nettleseren. Avgi den, eller kontroller krypteringen først (en kontrollert seddel kastes, og du krypterer på nytt).
el-tracker = Sporingsnummer:
el-cast = Avgi stemmeseddelen min
el-audit = Kontroller denne krypteringen
el-your-tracker = Sporingsnummeret til den avgitte stemmeseddelen din:
el-verified = Alle bevisene i arkivet stemmer.
el-not-verified = Arkivet består ikke kontrollen.
el-voters = Velgere
el-ballots = Avgitte stemmesedler
el-decryptions = Delvise dekrypteringer
el-hash-matches = Arkivets SHA-256 er den rådets protokoll inneholder.
el-hash-differs = Arkivets SHA-256 er IKKE den rådets protokoll inneholder.
el-verify-yourself = Kontroller selv med arkivet og et av disse programmene:
el-error-field = Feltet { $field } mangler eller er ugyldig.
el-error-already-done = Dette steget er allerede gjort.
el-error-out-of-turn = Dette kan ikke gjøres på dette tidspunktet i valget.
el-error-key = Nøkkelmaterialet er ugyldig: { $reason }
el-error-signature = Sertifikatets signatur stemmer ikke.
el-error-ballot = Stemmeseddelen avvises: { $reason }
el-error-decryption = Den delvise dekrypteringen avvises: { $reason }
el-error-no-credential = Det venter ingen stemmekode på deg: den er allerede delt ut, eller du står ikke i manntallet.
el-refused-no-election = Det finnes ikke noe valg { $number }.
el-refused-state = Dette kan ikke gjøres nå: valget er { $status }.
el-js-error = Feil
el-js-download = Last ned
el-js-need-key = Velg nøkkelfilen din for å fortsette.
el-js-decrypting = Dekrypterer resultatet med nøkkelen din, i denne nettleseren…
el-js-decrypted = Den delvise dekrypteringen din er mottatt. Takk.
el-js-step-done = Din del er gjort inntil videre.
el-js-waiting = Venter på de andre nøkkelvergene…
el-js-encrypting = Krypterer i denne nettleseren…
el-js-sealed = Kryptert. Sjekk sporingsnummeret, og avgi eller kontroller.
el-js-audited = Kontrollen stemmer: denne krypteringen inneholder nøyaktig valgene dine. Den seddelen er kastet; krypter på nytt for å stemme.
el-js-audit-failed = Kontrollen FEILET; ikke stem fra denne enheten, og si fra til sekretæren
el-js-casting = Avgir…
el-js-cast = Stemmeseddelen din er avgitt. Sporingsnummer:
el-js-replaced = Den nye stemmeseddelen din erstatter den forrige. Sporingsnummer:
el-voters-from = Hvem stemmer
el-voters-all = Alle rådets medlemmer med stemmerett
el-voters-present = Medlemmene som er registrert på { $title }
el-error-no-voters = Ingen kan stemme i dette valget ennå: ingen med stemmerett er registrert.
el-meeting-elections = Hemmelige avstemninger på dette møtet
el-authority = Kodeutsteder (hvem lager velgernes stemmekoder)
el-authority-server = Denne serveren (deler ut hver kode én gang og glemmer den)
el-authority-page = Min del som kodeutsteder
el-authority-help = Lag hver velgers stemmekode i denne nettleseren. Du får dem som en fil å dele ut (skriv den ut, eller gi hver velger sin); serveren får bare den offentlige delen og kan aldri stemme i noens navn.
el-make-credentials = Lag stemmekodene
el-download-credentials = Last ned stemmekodene som skal deles ut (CSV)
el-authority-done = Kodeutstederen har laget stemmekodene.
el-authority-waiting = Venter på at kodeutstederen lager stemmekodene.
el-error-credential-count = { $count } { $count ->
    [one] offentlig kode
   *[other] offentlige koder
} ble sendt for { $voters } { $voters ->
    [one] velger
   *[other] velgere
}.
el-slip-label = Kort { $number }
el-slip-instructions = Skann koden med telefonen på salens Wi-Fi, eller åpne valgets Stem-side og skriv inn koden. Hold kortet for deg selv: den som har det, kan stemme i ditt sted, og bare den siste stemmeseddelen teller.
el-error-no-slips = Alle stemmekodene er allerede delt ut; det er ingenting å skrive ut.
el-slips-help = Ett kort per velger, laget nå og glemt av serveren idet filen lages: skriv den ut før du lukker den. Skriver du ut på nytt før avstemningen åpnes, lages nye kort, og de tidligere blir ugyldige.
el-cli-trustee = Laget du nøkkelen på kommandolinjen?
el-cli-trustee-help = Nøkkelverger kan holde nøkkelen helt utenfor nettet: lag den med kenes på din egen datamaskin, og send hit den offentlige filen hvert steg skriver ut (.pubkey, sertifikatet, polynomet, voutput) eller, etter at avstemningen er stengt, den delvise dekrypteringen din.
el-cli-file = Fil laget på kommandolinjen
el-cli-send = Send filen
el-roll = Eller et importert manntall (valgfritt)
el-roll-help = Én velger per linje: et navn, og etter et komma en vekt (delegater fra større råd har flere stemmer). Stemmekodene deres skrives ut på kort.
el-error-roll = Linje { $line } i manntallet er ugyldig: et navn på høyst 200 tegn, eventuelt et komma og en vekt fra 1 til 1 000 000.
el-slip-weighted = { $label } ({ $weight } stemmer)

# needs you now
now-title = Venter på deg nå
now-nothing = Ingenting venter på deg akkurat nå.
now-vote = En avstemning er åpen i { $meeting } og venter på stemmen din.
now-vote-action = Stem
now-meeting-in-session = { $meeting } er satt.
now-meeting-join = Gå til møtet
now-meeting-check-in = Gå til møtet og registrer deg
now-ballot = Avstemningen er åpen: { $election }.
now-ballot-collect = Hent stemmekoden din
now-ballot-vote = Stem
now-meeting-planned = { $meeting } er innkalt: { $starts }, { $place }.
now-open = Åpne
now-trustee = Din tur som nøkkelverge: { $election }.
now-trustee-action = Åpne nøkkelvergesiden
now-decrypt = Avstemningen i { $election } er stengt: nøkkelvergene dekrypterer resultatet.
now-finish-setup = { $election } blir satt opp.
now-finish-tally = { $election } er stengt og venter på opptelling.
manage-title = Administrer rådet
manage-page-title = Administrer { $council }

# confirmations
mt-status-cancelled = Avlyst
mt-cancel = Avlys møtet …
mt-cancel-question = Avlyse dette møtet? Det ble aldri satt; det står i protokollen som avlyst og kan ikke settes senere.
mt-cancel-confirm = Ja, avlys møtet
mt-close-question = Heve møtet? Etterpå kan ingenting mer skje i det; protokollen lages av det som er registrert.
mt-close-confirm = Ja, hev møtet
member-remove-question = Fjerne { $name } fra rådet? Tidligere handlinger blir stående i protokollen; personen kan legges til igjen senere som nytt medlem.
member-remove-confirm = Ja, fjern
link-revoke-question = Trekke tilbake denne lenken? Den som har den, kan ikke lenger bruke den.
link-revoke-confirm = Ja, trekk tilbake
link-qr-label = QR-kode for lenken
link-qr-hint = For å gi lenken videre ansikt til ansikt kan mottakeren skanne denne med mobilkameraet.
back-to-manage = Tilbake til administrasjon av rådet

# trustee file
el-keep-file = Ta vare på denne filen et trygt sted, helst ikke på denne datamaskinen: du trenger den for å dekryptere resultatet. Når siden tilbyr en nyere fil, tar du vare på den i stedet; den inneholder alt den forrige gjorde.
el-js-no-file = Velg nøkkelvergefilen din først.
el-js-older-file = Denne filen er fra før det siste steget ditt: den har nøkkelen din, men ikke dekrypteringsnøkkelen. Velg den nyere filen siden tilbød etter det siste steget.
el-js-not-trustee-file = Dette er ikke en nøkkelvergefil fra kenes. Velg .json-filen siden tilbød deg for dette valget.
el-js-wrong-election = Denne nøkkelvergefilen hører til et annet valg.
el-js-wrong-trustee = Denne filen hører til en annen nøkkelverge i dette valget.
el-js-key-mismatch = Nøklene i denne filen passer ikke til dette valget. Velg filen du tok vare på for dette valget, og prøv igjen.

# booth errors
el-js-credential-form = En stemmekode har fire grupper på fem eller seks tegn, XXXXX-XXXXXX-XXXXX-XXXXXX, eller, i eldre valg, fem grupper på tre: XXX-XXX-XXX-XXX-XXX.
el-js-credential-checksum = Stemmekoden har en skrivefeil: sammenlign hvert tegn med lappen eller lenken.
el-js-credential-characters = Stemmekoden har et tegn som koder aldri bruker (0, O, I eller l): sammenlign den med lappen eller lenken.
el-js-answer-count = Spørsmål { $question }: kryss av mellom { $min } og { $max } svar (du krysset av { $count }).

# record
record-event-meta = hendelse { $height }, { $time }
record-as-recorded = Slik det er registrert:
council-your-role-is = din rolle: { $role }

# event sentences
ev-council-created = { $kind ->
    [workplace] { $founder } grunnla { $name }, et arbeidsplassråd.
    [neighbourhood] { $founder } grunnla { $name }, et nabolagsråd.
    [union] { $founder } grunnla { $name }, en fagforening.
    [cooperative] { $founder } grunnla { $name }, et samvirkelag.
    [federation] { $founder } grunnla { $name }, en sammenslutning av råd.
    [assembly] { $founder } grunnla { $name }, en forsamling.
   *[other] { $founder } grunnla { $name } ({ $kind }).
}
ev-member-added = { $via ->
    [invitation] { $role ->
        [member] { $name } ble med i rådet som medlem, invitert av { $by }.
        [chair] { $name } ble med i rådet som leder, invitert av { $by }.
        [secretary] { $name } ble med i rådet som sekretær, invitert av { $by }.
        [observer] { $name } ble med i rådet som observatør, invitert av { $by }.
       *[other] { $name } ble med i rådet med rollen «{ $role }», invitert av { $by }.
    }
   *[other] { $role ->
        [member] { $by } la til { $name } i rådet som medlem.
        [chair] { $by } la til { $name } i rådet som leder.
        [secretary] { $by } la til { $name } i rådet som sekretær.
        [observer] { $by } la til { $name } i rådet som observatør.
       *[other] { $by } la til { $name } i rådet med rollen «{ $role }».
    }
}
ev-members-imported = { $by } importerte en medlemsliste.
ev-member-role-changed = { $role ->
    [member] { $by } gjorde { $member } til vanlig medlem.
    [chair] { $by } gjorde { $member } til leder.
    [secretary] { $by } gjorde { $member } til sekretær.
    [observer] { $by } gjorde { $member } til observatør.
   *[other] { $by } endret rollen til { $member } til «{ $role }».
}
ev-member-removed = { $by } fjernet { $member } fra rådet.
ev-member-renamed = { $by } endret visningsnavnet til et medlem til «{ $name }».
ev-council-updated = { $by } endret innstillingene for { $name }.
ev-assembly-convened = { $by } kalte inn til møtet «{ $title }»: { $starts }, { $place }.
ev-assembly-opened = { $by } satte møte { $assembly }.
ev-assembly-closed = { $by } hevet møte { $assembly }.
ev-attendance-checked-in = { $member } sjekket inn på møte { $assembly } (registrert av { $by }).
ev-attendance-checked-out = { $member } sjekket ut av møte { $assembly } (registrert av { $by }).
ev-agenda-item-added = { $minutes ->
    [0] { $by } satte opp «{ $title }» på dagsordenen for møte { $assembly }.
    [one] { $by } satte opp «{ $title }» på dagsordenen for møte { $assembly }, med { $minutes } minutt satt av.
   *[other] { $by } satte opp «{ $title }» på dagsordenen for møte { $assembly }, med { $minutes } minutter satt av.
}
ev-agenda-item-taken = { $by } tok opp en sak på dagsordenen i møte { $assembly }.
ev-motion-submitted = { $by } fremmet forslaget «{ $title }» i møte { $assembly }.
ev-motion-seconded = { $by } støttet forslag { $motion } i møte { $assembly }.
ev-motion-admitted = { $by } tok forslag { $motion } opp til behandling i møte { $assembly }.
ev-motion-debated = { $by } åpnet debatten om forslag { $motion } i møte { $assembly }.
ev-motion-withdrawn = { $by } trakk forslag { $motion } i møte { $assembly }.
ev-motion-referred = { $by } oversendte forslag { $motion } i møte { $assembly }.
ev-amendment-submitted = { $by } fremmet et endringsforslag til linje { $from_line }–{ $to_line } i forslag { $motion } i møte { $assembly }.
ev-amendment-seconded = { $by } støttet endringsforslag { $amendment } i møte { $assembly }.
ev-amendment-withdrawn = { $by } trakk endringsforslag { $amendment } i møte { $assembly }.
ev-speaker-requested = { $kind ->
    [for] { $member } tegnet seg for å tale for forslaget i møte { $assembly } (registrert av { $by }).
    [against] { $member } tegnet seg for å tale mot forslaget i møte { $assembly } (registrert av { $by }).
    [point_of_order] { $member } ba om ordet til forretningsorden i møte { $assembly } (registrert av { $by }).
   *[other] { $member } tegnet seg på talerlisten i møte { $assembly } (registrert av { $by }).
}
ev-speaker-withdrawn = { $member } ble strøket fra talerlisten i møte { $assembly } (registrert av { $by }).
ev-speaker-moved = { $position ->
    [0] { $by } flyttet { $member } først på talerlisten i møte { $assembly }.
    [one] { $by } flyttet { $member } på talerlisten i møte { $assembly }, bak { $position } annen taler.
   *[other] { $by } flyttet { $member } på talerlisten i møte { $assembly }, bak { $position } andre talere.
}
ev-speaker-floor-given = { $by } ga ordet til neste taler i møte { $assembly }.
ev-speaker-speech-ended = { $by } avsluttet innlegget som pågikk i møte { $assembly }.
ev-vote-opened = { $mode ->
    [roll_call] { $by } åpnet en avstemning ved navneopprop om «{ $question }» i møte { $assembly }.
    [tellers] { $by } åpnet en avstemning med opptelling ved tellekorps om «{ $question }» i møte { $assembly }.
   *[other] { $by } åpnet en avstemning om «{ $question }» i møte { $assembly }.
}
ev-vote-cast = { $choice ->
    [yes] { $by } stemte ja i avstemning { $vote } i møte { $assembly }.
    [no] { $by } stemte nei i avstemning { $vote } i møte { $assembly }.
    [abstain] { $by } avsto i avstemning { $vote } i møte { $assembly }.
   *[other] { $by } stemte «{ $choice }» i avstemning { $vote } i møte { $assembly }.
}
ev-vote-ranked = { $by } avga en rangert stemmeseddel i avstemning { $vote } i møte { $assembly }.
ev-vote-counted = { $by } førte inn opptellingen i avstemning { $vote } i møte { $assembly }: ja { $yes }, nei { $no }, avstår { $abstain }.
ev-vote-closed = { $by } avsluttet avstemning { $vote } i møte { $assembly }.
ev-minutes-annotated = { $by } la til en merknad i referatet fra møte { $assembly }.
ev-election-announced = { $by } kunngjorde valget «{ $title }».
ev-election-opened = { $voters ->
    [one] { $by } åpnet avstemningen i valg { $election } for { $voters } velger.
   *[other] { $by } åpnet avstemningen i valg { $election } for { $voters } velgere.
}
ev-election-closed = { $ballots ->
    [one] { $by } stengte avstemningen i valg { $election }: { $ballots } stemmeseddel teller.
   *[other] { $by } stengte avstemningen i valg { $election }: { $ballots } stemmesedler teller.
}
ev-election-tallied = { $by } fullførte dekrypteringen av resultatet i valg { $election }.
ev-election-published = { $by } offentliggjorde valg { $election }: nå kan alle se og kontrollere det.
# projector
pj-time-left = Tid igjen
pj-time-nearly-up = Tiden er nesten ute
pj-time-up = Tiden er ute
pj-next = Neste på talelisten
pj-voted = { $voted } av { $eligible } har stemt
pj-voted-progress = Medlemmer som har stemt
pj-not-voted = Har ikke stemt ennå: { $names }
pj-more-amendments = Endringsforslag som venter: { $count }
pj-deleted = strøket
pj-inserted = satt inn
# charts
chart-yes = Ja
chart-no = Nei
chart-abstained = Avsto
chart-yes-no-title = { $outcome }. Ja { $yes }, nei { $no }, avsto { $abstain }; den stiplede linjen markerer de { $needed } ja-stemmene som trengtes ({ $rule }).
chart-needed-line = { $needed } trengs
chart-elected-mark = valgt
chart-excluded-mark = utelukket
chart-most-votes-mark = flest stemmer
chart-options-title = { $result }. Stemmer: { $counts }.
chart-schulze-title = { $result }. Alternativer hvert av dem slår: { $counts }.
chart-schulze-note = Hver stolpe: hvor mange andre alternativer dette slår etter sin sterkeste vei
chart-stages-title = { $result }. Opptalt i { $stages } trinn, tegnet trinn for trinn; alle summene står i tabellen.
chart-stage-first = Trinn { $number }: førsteprioriteter
chart-stage-surplus = Trinn { $number }: overskuddet til { $name } overføres
chart-stage-exclusion = Trinn { $number }: { $names } utelukket, stemmene overført
chart-stage-remaining = Trinn { $number }: de gjenværende plassene fylles
chart-stage-tally = Trinn { $number }
chart-quota = kvote { $quota }
chart-answers-title = { $question }: { $counts }. Flest stemmer: { $names }.
mt-close-vote-question = Avslutte avstemningen? Resultatet telles nå; etterpå kan ingen stemme.
mt-close-vote-confirm = Ja, avslutt avstemningen
el-close-question = Stenge avstemningen? Etterpå tas ingen stemmesedler imot; nøkkelvergene dekrypterer så resultatet.
el-close-confirm = Ja, steng avstemningen

# Voting codes made before voting opens, and re-issued
el-error-roll-fixed = Avstemningen er åpnet, så manntallet er låst: Belenios 2.0 kan ikke erstatte en stemmekode nå.
el-error-roll-not-server = Serveren lager ikke stemmekodene i dette valget: det gjør lappene i salmodus eller et medlem som er kodeansvarlig.
el-error-no-credential-to-reissue = Dette medlemmet har ingen stemmekode å erstatte. Lag stemmekodene først.
el-codes = Stemmekoder
el-codes-help = Stemmekodene lages når avstemningen åpner. Lag dem nå, så kan medlemmene hente sin før avstemningen; fram til avstemningen åpner kan du gi en ny til et medlem som har mistet sin.
el-make-codes = Lag stemmekodene nå
el-codes-made = Stemmekoder laget: { $count }. Hentet: { $collected }.
el-codes-members = Hvem har hentet sin
el-codes-waiting = ikke hentet ennå
el-codes-collected = hentet
el-reissue = Ny stemmekode til { $name }
el-reissue-question = { $name } får en ny stemmekode å hente, og den vedkommende har nå, kan aldri stemme.
el-reissue-confirm = Gi ny stemmekode
el-make-codes-again = Lag alle stemmekodene på nytt
el-make-codes-again-question = Ingen stemmekode laget hittil, hentet eller ikke, kan stemme; hvert medlem som kan stemme nå, henter en ny.
el-make-codes-again-confirm = Lag dem på nytt
el-credential-early = Stemmekoden din er klar. Hent den nå og ta vare på den: du stemmer med den når avstemningen åpner.
el-credential-keep = Ta vare på den: du stemmer med den når avstemningen åpner. Mister du den før det, be møteleder eller sekretær om en ny.
now-credential-early = Stemmekoden din for { $election } er klar til å hentes

# A council's colour
settings-colour = Farge på rådets sider
colour-none = Ingen
colour-red = Rød
colour-orange = Oransje
colour-amber = Rav
colour-green = Grønn
colour-teal = Blågrønn
colour-blue = Blå
colour-indigo = Indigo
colour-purple = Lilla
colour-pink = Rosa
colour-grey = Grå
error-colour = Ukjent farge: velg en av fargene som tilbys.

# Nodes, sync and copies of the record
nodes-title = Noder
nodes-fork = Forgrening oppdaget: hjemmenoden til rådet { $council }… signerte to ulike hendelser med nummer { $height } (vist av { $from }). Begge tas vare på som bevis; denne noden slutter å følge og sende videre det rådet til noen bestemmer noe.
nodes-card = Kortet til denne noden
nodes-card-help = Gi dette kortet til sekretæren i et råd som skal la denne noden ha en kopi av protokollen sin. Les nodenøkkelen høyt når du gir det videre, så den andre siden kan sammenligne.
nodes-key = Nodenøkkel:
nodes-peers = Partnernoder
nodes-no-peers = Ingen partnernoder ennå. Legg til en node på det lokale nettverket eller på internett, så tar dere vare på hverandres protokoller.
nodes-peer-failed = Siste synkronisering mislyktes: { $error }
nodes-peer-synced = Sist synkronisert { $time }
nodes-peer-new = Ikke synkronisert ennå
nodes-remove = Slutt å synkronisere med { $url }
nodes-remove-question = Denne noden vil ikke lenger hente noe derfra. Det den allerede har, blir værende.
nodes-remove-confirm = Slutt å synkronisere
nodes-sync-now = Synkroniser nå
nodes-add = Legg til en partnernode
nodes-add-url = Adressen til noden
nodes-add-key = Nodenøkkelen, slik eieren leser den opp for deg
nodes-add-key-help = Minst de første 16 tegnene. Ingenting synkroniseres med en node der nøkkelen ikke stemmer.
nodes-add-submit = Kontroller nøkkelen og legg til
nodes-stick = Minnepinne
nodes-stick-help = Der internett er kuttet, kan du frakte protokoller på en minnepinne: dette skriver det rådene her tillater å sende videre, kryptert til nodene hvert råd har valgt, og importerer det pinnen har til denne noden, kontrollert ved ankomst.
nodes-stick-dir = Mappen på pinnen, slik denne datamaskinen ser den
nodes-stick-submit = Synkroniser med pinnen
nodes-error-url = En nodeadresse begynner med http:// eller https://.
nodes-error-key = Noden der har nøkkelen { $key }, ikke den du skrev inn. Ingenting ble lagt til: sjekk adressen, og sjekk nøkkelen med eieren.
nodes-error-self = Den adressen er denne noden selv.
nodes-added = La til { $url } (nodenøkkel { $key }). Den første synkroniseringen starter nå.
nodes-syncing = En synkronisering med alle partnernoder har startet. Last inn siden på nytt om litt for å se hvordan det gikk.
nodes-stick-missing = Det finnes ingen mappe { $dir } på denne datamaskinen. Sett inn pinnen og oppgi hele stien til en mappe på den.
nodes-stick-done = Ferdig: råd oppdatert fra pinnen: { $imported } (nye hendelser: { $events }); skrevet til den: { $written }; filer latt ligge til andre noder: { $skipped }.
copies-title = Kopier av protokollen
copies-help = Protokollen inneholder medlemmenes navn. Bare nodene som velges her, får en kopi (i tillegg til rådets egen node); hver av dem holder den oppdatert og kan bare sende den videre til de andre valgte nodene.
copies-cards = Noder som kan ha en kopi: kortene deres, ett per linje
copies-cards-hint = Et kort begynner med kenes-node: og vises på Noder-siden til hver node.
copies-public = Hvem som helst kan ha en kopi (et åpent råd)
copies-submit = Lagre valget av kopier
error-too-many-holders = Høyst 64 ulike noder kan ha kopier.
error-node-card = Et nodekort er ikke gyldig: det er kenes-node:, den 64-sifrede nodenøkkelen, et kolon og age-nøkkelen som begynner med age1.

# The record as sentences: copies
ev-council-copies = { $by } valgte hvilke noder som kan ha en kopi av protokollen.

# Copies on the council's page
copies-fork = Advarsel: rådets hjemmenode har signert to ulike historier ved hendelse { $height } (sett via { $from }). Denne noden tar vare på begge som bevis og følger ingen av dem før noen bestemmer.
copies-vouched = Andre noder som har kontrollert denne protokollen fram til hendelse { $height }: { $count }.

# kenes itself, for a neighbour (spread.rs)
footer-get-kenes = Hent kenes fra denne noden
spread-title = Hent kenes fra denne noden
spread-intro = Denne noden tilbyr akkurat det programmet den kjører, så en bærbar PC på dette nettverket kan få kenes uten internett. Før du kjører det, sammenlign SHA-256 med en kopi du stoler på: les den høyt sammen med noen som fikk kenes et annet sted fra.
spread-file = Fil
spread-size = Størrelse
spread-megabytes = { $mb } MB
spread-platform = For
spread-download = Last ned kenes
spread-check = Kontroller den, og kjør den så
spread-check-help = I en terminal på den andre maskinen:
spread-compare = Linjen sha256sum skriver ut må være SHA-256 ovenfor, og den en pålitelig kopi viser (hver node viser sin egen på denne siden). Er de ulike, ikke kjør programmet.

# Nodes on this network (sync/nearby.rs)
nodes-nearby = Noder på dette nettverket
nodes-nearby-off = Av: denne noden verken kunngjør seg selv eller ser etter andre. Slå det på bare på et nettverk du stoler på, for alle på det vil se at det finnes en kenes-node her.
nodes-nearby-start = Kunngjør denne noden og se etter andre
nodes-nearby-on = Denne noden kunngjør seg selv på dette nettverket og viser nodene den hører. Ingenting synkroniseres med en av dem før du legger den til.
nodes-nearby-none = Ingen andre noder hørt ennå. De dukker opp her etter hvert som de svarer; last inn siden på nytt om litt.
nodes-nearby-add = Legg til { $url }
nodes-nearby-compare = Åpne Noder-siden på den noden (eller spør personen ved siden av den) og sammenlign nøkkelen med denne: { $key }. Legg den til bare hvis alle gruppene er like.
nodes-nearby-same = Nøklene er like: legg til
nodes-nearby-stop = Slutt å kunngjøre og lete
nodes-nearby-failed = Det lokale nettverket kunne ikke brukes: { $error }

# Federations: the record's sentences, refusals (federation/)
ev-federation-joined = { $by } registrerte at dette rådet ble med i sammenslutningen «{ $name }».
ev-recall-rule-set = { $by } satte terskelen for tilbakekalling: et opprop om å kalle tilbake en delegat trenger underskrifter fra { $percent } % av medlemmene som har stemmerett.
ev-mandate-given = { $by } registrerte mandat til { $delegate } for plass { $seat } i sammenslutningen.
ev-recall-signed = { $by } skrev under på oppropet om å kalle tilbake mandat { $mandate }.
ev-recall-withdrawn = { $by } trakk underskriften sin fra oppropet om å kalle tilbake mandat { $mandate }.
ev-mandate-recalled = { $by } registrerte at rådet kalte tilbake mandat { $mandate }.
ev-mandate-ended = { $by } registrerte at mandat { $mandate } ble avsluttet.
ev-mandate-instructed = { $instruction ->
    [for] { $by } registrerte rådets instruks for forslag { $motion } i sammenslutningens møte { $assembly }: stemme for.
    [against] { $by } registrerte rådets instruks for forslag { $motion } i sammenslutningens møte { $assembly }: stemme mot.
    [abstain] { $by } registrerte rådets instruks for forslag { $motion } i sammenslutningens møte { $assembly }: avstå.
   *[free] { $by } registrerte at delegaten stemmer fritt over forslag { $motion } i sammenslutningens møte { $assembly }.
}
ev-federation-seats-set = { $seats ->
    [0] { $by } tok { $name } ut av sammenslutningens medlemsråd.
    [one] { $by } ga { $name } { $seats } plass i sammenslutningen, med stemmevekt { $weight }.
   *[other] { $by } ga { $name } { $seats } plasser i sammenslutningen, med stemmevekt { $weight } for hver stemme.
}
ev-delegate-seated = { $by } ga { $name } plass { $seat }, på mandat { $mandate } fra delegatens råd.
ev-delegate-unseated = { $reason ->
    [recalled] { $by } fjernet { $member } fra plassen: delegatens råd kalte vedkommende tilbake.
   *[ended] { $by } fjernet { $member } fra plassen: mandatet var avsluttet.
}

# The federations page (federations/pages.rs)
fd-title = Sammenslutninger og delegater
fd-memberships = Sammenslutninger dette rådet er med i
fd-memberships-none = Dette rådet er ikke med i noen sammenslutning.
fd-join = Bli med i en sammenslutning
fd-join-help = Be sammenslutningens sekretær om ID-en dens (64 tegn, vist på sammenslutningens egen side), og registrer så her at dette rådet ble med i den.
fd-federation-id = Sammenslutningens ID
fd-federation-name = Sammenslutningens navn
fd-join-submit = Registrer at vi ble med
fd-mandates = Delegater og mandatene deres
fd-mandates-none = Ingen mandater er gitt ennå.
fd-mandate-line = Mandat { $mandate }: { $delegate }, plass { $seat } i sammenslutningen «{ $federation }»
fd-active = Gjelder
fd-recalled = Tilbakekalt
fd-ended = Avsluttet
fd-petition = Opprop om tilbakekalling: { $signatures } av { $needed } nødvendige underskrifter
fd-sign = Skriv under på oppropet om å kalle tilbake { $delegate }
fd-withdraw = Trekk underskriften min
fd-instructed = Instruks for forslag { $motion } i sammenslutningens møte { $assembly }: { $instruction ->
    [for] stemme for
    [against] stemme mot
    [abstain] avstå
   *[free] fri stemme
}
fd-instruction-for = Stemme for
fd-instruction-against = Stemme mot
fd-instruction-abstain = Avstå
fd-instruction-free = Fri stemme
fd-give = Gi et mandat
fd-give-help = Et mandat gjennomfører et vedtak rådet har gjort: en avstemning der forslaget ble vedtatt, en avstemning mellom kandidater som valgte delegaten, eller et valg som er ferdig opptalt.
fd-federation = Sammenslutning
fd-seat = Plass
fd-delegate = Delegat
fd-decision = Vedtak
fd-no-decision = Ingen vedtak å gjennomføre ennå: hold avstemningen i et møte først.
fd-not-a-number = Oppgi et heltall i feltet { $what }.
fd-instructions = Instrukser (valgfritt)
fd-give-submit = Registrer mandatet
fd-recall = Kall tilbake { $delegate }
fd-recall-help = Oppropet har fått nok underskrifter. Sett tilbakekallingen under avstemning med ja eller nei i et møte, og registrer så avstemningen her.
fd-recall-submit = Registrer tilbakekallingen
fd-end = Avslutt mandat { $mandate }
fd-end-question = Avslutte dette mandatet nå, fordi perioden er over eller delegaten trer tilbake?
fd-end-submit = Avslutt mandatet
fd-instruct = Gi delegaten instruks
fd-instruct-help = Når rådet har stemt over hvordan delegaten skal stemme over et forslag i sammenslutningen, registrerer du det her.
fd-meeting = Møtenummer i sammenslutningen
fd-motion = Forslagsnummer
fd-instruction = Instruks
fd-instruct-submit = Registrer instruksen
fd-rule = Terskel for tilbakekalling
fd-rule-help = Andelen av de stemmeberettigede medlemmene som må skrive under for at en tilbakekalling settes under avstemning. Nå: { $percent } %.
fd-percent = Prosent
fd-rule-submit = Sett terskelen
fd-id = Denne sammenslutningens ID, som du gir til medlemsrådene:
fd-members = Medlemsråd
fd-members-none = Ingen medlemsråd er ført opp ennå.
fd-member-line = { $seats ->
    [one] { $name }: { $seats } plass, med stemmevekt { $weight }
   *[other] { $name }: { $seats } plasser, med stemmevekt { $weight } for hver stemme
}
fd-list = Før opp et medlemsråd, eller endre plassene det har
fd-council-id = Medlemsrådets ID
fd-council-name = Navnet
fd-seats = Plasser
fd-weight = Stemmevekt for hver plass
fd-list-submit = Lagre
fd-seated = Delegater som har fått plass
fd-seated-none = Ingen har fått plass ennå.
fd-seated-line = { $name } ({ $council }, plass { $seat }), stemmevekt { $weight }
fd-check-checked = Kontrollert mot protokollen til { $council }.
fd-check-unchecked = Ikke kontrollert ennå: protokollen til { $council } finnes ikke på denne noden.
fd-check-wrong = Holder ikke: { $why }
fd-pending = Mandater som venter på plass
fd-pending-line = { $delegate }, { $council }, plass { $seat } (mandat { $mandate })
fd-seat-submit = Gi { $delegate } plass
fd-ended-list = Mandater som er avsluttet
fd-unseat-submit = Fjern { $name } fra plassen
fd-past = Delegater som har forlatt plassen sin
fd-past-line = { $reason ->
    [recalled] { $name } ({ $council }): kalt tilbake av rådet sitt
   *[ended] { $name } ({ $council }): mandatet ble avsluttet
}
fd-after-end = Stemmer avgitt etter at mandatet ble avsluttet, beholdt og merket: { $votes }
fd-vote-ref = møte { $assembly }, avstemning { $vote }
fd-voted = { $voted ->
    [yes] { $delegate } stemte for, slik instruksen tillater.
    [no] { $delegate } stemte mot, slik instruksen tillater.
   *[abstain] { $delegate } avsto, slik instruksen tillater.
}
fd-voted-against = { $voted ->
    [yes] { $delegate } stemte for, mot rådets instruks. Medlemmene kan skrive under på oppropet om tilbakekalling nedenfor.
    [no] { $delegate } stemte mot, mot rådets instruks. Medlemmene kan skrive under på oppropet om tilbakekalling nedenfor.
   *[abstain] { $delegate } avsto, mot rådets instruks. Medlemmene kan skrive under på oppropet om tilbakekalling nedenfor.
}

# A delegate's instructions on the meeting page (meetings/page.rs)
fd-your-instructions = Dine instrukser fra { $council }
fd-your-instruction = Forslag { $motion } «{ $title }»: { $instruction ->
    [for] stem for
    [against] stem mot
    [abstain] avstå
   *[free] stem etter eget skjønn
}

# Decisions that come down from a federation (motion.received)
ev-motion-received = { $by } registrerte sammenslutningens vedtak «{ $title }».

# Motions that travel (federations/pages.rs)
fd-forward = Legg fram et forslag rådet ditt har vedtatt
fd-forward-help = Det kommer under saken som nå behandles i sammenslutningens møte, med opphavet sitt: alle som har rådets protokoll, kan kontrollere at det ble vedtatt slik det står.
fd-forward-submit = Legg fram «{ $title }»
fd-no-open-meeting = Sammenslutningen har ikke noe møte i gang med en sak under behandling.
fd-decisions = Sammenslutningens vedtak
fd-decisions-help = Forslag sammenslutningen har vedtatt. Registrerer du ett her, kommer det inn i dette rådets protokoll med opphavet sitt.
fd-receive-submit = Registrer «{ $title }» her
fd-received = Sammenslutningens vedtak registrert her
fd-origin = først vedtatt av { $council }

# Offices held for a term (councils/offices.rs)
office-title = Verv
office-line = { $name }: { $office }, til { $until }
office-ends-soon = (perioden slutter snart)
office-give = Verv og perioder
office-give-help = Gi et medlem et verv (kasserer, leder, referent …) fram til en dato. Rådets side viser hvem som har hvilket verv til når.
office-member = Medlem
office-name = Verv
office-name-example = Kasserer
office-until = Til (slutten av den dagen, UTC)
office-give-submit = Gi vervet
office-end = Avslutt denne perioden nå
office-end-question = Avslutte perioden før datoen (fratreden eller rådets vedtak)?
office-end-submit = Avslutt perioden
office-bad-date = Oppgi slutten av perioden som en dato (år-måned-dag).
ev-office-term-given = { $by } ga { $member } vervet { $office } for en periode.
ev-office-term-ended = { $by } avsluttet vervsperiode { $term } før tiden.

# Federations: sizes, terms, refusals
fd-by-size = Vektet etter størrelse per { $date }; representerte medlemmer: { $members }.
fd-weigh-help = Vekt plassene til hvert medlemsråd etter størrelsen: medlemmene som har stemmerett der (for en sammenslutning: vekten til delegatene som har plass), fordelt på plassene. Størrelsen leses fra rådets protokoll på denne noden og oppgis med kildehenvisning, så hvem som helst kan kontrollere den.
fd-weigh-submit = Vekt plassene etter størrelse nå
fd-not-held = Ikke vektet, fordi protokollene deres ikke finnes på denne noden: { $councils }. Vektene deres forblir som de var.
fd-until = Til { $date }.
fd-term-over = Perioden endte { $date }: avslutt dette mandatet og gi et nytt.
fd-until-label = Til (valgfritt: slutten av perioden)
fr-bad-id = { $id } er ikke ID-en til et råd (64 heksadesimale sifre med små bokstaver).
fr-itself = Et råd kan ikke være sin egen sammenslutning eller sitt eget medlem.
fr-already-joined = Dette rådet er allerede med i den sammenslutningen.
fr-not-joined = Dette rådet er ikke med i den sammenslutningen.
fr-bad-percent = Terskelen for tilbakekalling er mellom 1 og 100 prosent, ikke { $percent }.
fr-seat-taken = Plass { $seat } er allerede besatt av mandat { $mandate }.
fr-no-seat = Plassene nummereres fra 1.
fr-no-mandate = Det finnes ikke noe mandat { $mandate }.
fr-mandate-ended = Mandat { $mandate } er avsluttet.
fr-already-signed = Du har allerede skrevet under på dette oppropet.
fr-not-signed = Du har ikke skrevet under på dette oppropet.
fr-threshold = Underskrifter på oppropet: { $signatures }; det trengs { $needed } for å sette en tilbakekalling under avstemning.
fr-vote-before-petition = Den avstemningen ble åpnet før oppropet nådde terskelen: sett tilbakekallingen under en ny avstemning.
fr-no-vote = Det finnes ingen avstemning { $vote } i møte { $meeting }.
fr-vote-open = Avstemning { $vote } i møte { $meeting } er ikke stengt ennå.
fr-not-passed = Avstemning { $vote } i møte { $meeting } endte ikke med vedtak.
fr-not-elected = Avstemning { $vote } i møte { $meeting } valgte ikke { $name }.
fr-not-yes-no = Dette krever en ja-eller-nei-avstemning, og avstemning { $vote } i møte { $meeting } var et valg mellom alternativer.
fr-not-tallied = Valg { $election } er ikke ferdig opptalt ennå.
fr-decision-used = Det vedtaket er allerede gjennomført ved et annet steg.
fr-not-a-federation = Bare en sammenslutning fører opp medlemsråd og gir delegater plass.
fr-not-listed = Det rådet er ikke medlem av denne sammenslutningen.
fr-seats-occupied = Besatte plasser i rådet: { $occupied }; det kan ikke ha færre plasser enn det.
fr-bad-weight = Vekten til en plass er mellom 1 og 1 000 000, ikke { $weight }.
fr-not-by-size = Etter størrelse (medlemmer: { $members }, plasser: { $seats }) får hver plass vekten { $expected }, ikke { $weight }.
fr-beyond-seats = Plass { $seat } er utenfor plassene rådet har (antall: { $seats }).
fr-mandate-used = Mandat { $mandate } fra det rådet har allerede fått plass.
fr-citation-council = Kildehenvisningen gjelder et annet råd enn det plassen tilhører.
fr-not-seated = Det medlemmet har ingen plass.
fr-not-the-delegate = Bare delegaten selv, lederen eller sekretæren kan avslutte et mandat.
fr-not-your-council = En delegat legger bare fram forslag som delegatens eget råd har vedtatt.
fr-already-received = Det vedtaket fra sammenslutningen er allerede registrert her.
fr-citation-wrong = Kildehenvisningen holder ikke mot protokollen på denne noden: { $why }
fr-term-ends-before = Perioden må slutte etter at den begynner.
fr-no-term = Det finnes ingen vervsperiode { $term }.
fr-term-ended = Vervsperiode { $term } er avsluttet.

# Ranked secret ballots
el-kind = Hvordan velgerne svarer
el-kind-mark = Krysser av svar
el-kind-irv = Rangerer dem: omvalg med rangering (én vinner)
el-kind-stv = Rangerer dem: enkelt overførbar stemme (flere plasser)
el-kind-schulze = Rangerer dem: Schulze (Condorcet)
el-kind-borda = Rangerer dem: Borda-telling
el-kind-mj = Majoritetsvurdering
el-seats = Plasser som skal fylles (enkelt overførbar stemme)
el-kind-help = En rangert stemmeseddel forblir hemmelig: nøkkelvergene stokker stemmesedlene før de dekrypterer dem, så hver rangering telles uten at noen vet hvem den tilhører. Hver velger teller da én gang.
el-error-ranked-weights = Et rangert spørsmål teller hver stemmeseddel én gang: et manntall med vekter kan ikke ha et slikt spørsmål.
el-js-rank-none = Spørsmål { $question }: gi rang 1 til førstevalget ditt.
el-js-rank-gap = Spørsmål { $question }: bruk rang 1, 2, 3 … i rekkefølge, hver én gang.
el-rank-how = Gi rang 1 til førstevalget ditt, 2 til det neste, og så videre. Du trenger ikke rangere alle { $count }.
el-rank-none = Ikke rangert
el-rank-n = Rang { $rank }
el-js-shuffle-needed = Avstemningen er stengt. Før noen dekrypterer, stokker hver nøkkelverge de rangerte stemmesedlene: trykk «Stokk i denne nettleseren», eller stokk på din egen datamaskin og send filen.
el-js-shuffle-waiting = Stokkingen din er mottatt. Venter på at de andre nøkkelvergene stokker; deretter dekrypterer du.
el-shuffle-help = Stokkingen krypterer stemmesedlene på nytt i en hemmelig rekkefølge og beviser det, så ingen kan se hvem hver rangering tilhører.
el-shuffle-send = Send deretter shuffle.txt med «Fil laget på kommandolinjen» nedenfor.
el-error-shuffle = Stokkingen avvises: { $reason }
el-ranked-seats = { $method }, plasser: { $seats }
el-ranked-ballots = Stemmesedler: { $count }, stokket av nøkkelvergene { $trustees }
el-ranked-elected = Valgt: { $names }
el-ranked-lots = Stemmelikhet ble avgjort ved loddtrekning ut fra { $seed } (fra hashen av det dekrypterte resultatet), så alle som teller på nytt, trekker det samme.
el-ranked-count-failed = Opptellingen mislyktes: { $reason }
el-ranked-ballots-list = De dekrypterte stemmesedlene (i stokket rekkefølge; hvert tall er en rang)

# Ranked secret ballots
el-method-borda = Borda-telling (rangert)

# Ranked secret ballots
el-shuffle-here = Stokk i denne nettleseren
el-shuffle-or = Eller stokk på din egen datamaskin med kommandolinjen:
el-js-shuffling = Stokker og beviser…

# The election's group
el-group = Kryptografisk gruppe
el-group-help = Ed25519 (Belenios 3) er raskest på telefoner. BELENIOS-2048 er for å kontrollere valget med belenios-tool 2.0; den kan ikke ha rangerte spørsmål. RFC-3526-2048 er en 2048-biters gruppe som kan det.
el-error-ranked-group = Et rangert spørsmål kan ikke holdes i BELENIOS-2048: velg Ed25519 eller RFC-3526-2048.

# STV's rules in the set-up form
el-rules = Regler
el-rules-scottish = skotske STV-regler
el-rules-wigm = vektet inkluderende Gregory-metode
el-rules-ers97 = ERS97-regler
el-rules-meek = Meeks metode

# Majority judgment in the set-up form, the booth and the result
el-grades = Karakterer (flertallsvurdering), beste først, én per linje
el-grades-example = Utmerket / God / Middels / Dårlig / Avviser, én per linje
el-grade-how = Gi hver kandidat en karakter. Kandidaten med best mediankarakter vinner.
el-grade-none = Velg en karakter
el-js-grade-missing = Spørsmål { $question }: gi hver kandidat en karakter.
el-answer = Svar
el-majority-grade = Flertallskarakter

# Who has shuffled, on the election's page
el-trustee-shuffled = har stokket de rangerte stemmesedlene
el-trustee-to-shuffle = har ikke stokket de rangerte stemmesedlene ennå
