# kenes — қазақша (en.ftl эталондық каталогының аудармасы: кілттер дәл сондай).

## Бет жақтауы
skip-to-content = Мазмұнға өту
nav-label = Басты мәзір
nav-councils = Кеңестер
nav-account = Тіркелгі
nav-sign-in = Кіру
nav-sign-out = Шығу
language-label = Тіл
language-switch = Ауыстыру
footer-text = kenes әр кеңестің журналын қолтаңбамен және хеш тізбегімен сақтайды: көшірмесі бар кез келген адам оны тексере алады.

## Басты бет және кіру
home-title = kenes-ке қош келдіңіз
home-intro = kenes кеңестерге, кәсіподақтарға, кооперативтерге және жиналыстарға өзін-өзі басқаруға көмектеседі: мүшелер, отырыстар, дауыс беру және ешкім байқатпай өзгерте алмайтын журнал.
signin-title = Кіру
signin-submit = Кіру
signin-failed = Пайдаланушы аты немесе құпиясөз дұрыс емес.
signin-throttled = Осы құрылғыдан осы атпен кіру әрекеттері тым көп рет сәтсіз болды. { $minutes } минуттан кейін қайталап көріңіз.
signin-link-hint = Сізге кіру сілтемесі берілді ме? Онда оны осы құрылғыда ашыңыз.
field-username = Пайдаланушы аты
field-username-hint = 3-тен 64-ке дейін әріп, цифр, нүкте, сызықша немесе астыңғы сызық.
field-password = Құпиясөз
field-new-password = Жаңа құпиясөз
field-current-password = Қазіргі құпиясөз
password-current-wrong = Қазіргі құпиясөз дұрыс емес; құпиясөз өзгертілмеді.
field-password-hint = Кемінде 10 таңба.
field-display-name = Көрсетілетін ат
display-name-hint = Кеңес сізді осы атпен таниды. Бүркеншік ат болуы мүмкін; журналда сіз туралы тек осы ғана жазылады.
field-role = Рөл
field-council = Кеңес

## Бірінші әкімші
setup-title = Осы kenes түйінін баптау
setup-intro = Бірінші әкімші тіркелгісін жасаңыз. Бұл сілтеме бір рет қана жұмыс істейді.
setup-submit = Әкімшіні жасау

## Кеңестер
councils-title = Сіздің кеңестеріңіз
councils-none = Сіз әлі ешбір кеңестің мүшесі емессіз.
councils-caption = Сіз мүшесі болып табылатын кеңестер
council-create = Кеңес құру
council-name = Атауы
council-kind = Түрі
council-description = Сипаттамасы
council-languages = Тілдер
council-founder-name = Осы кеңестегі көрсетілетін атыңыз
council-members-count = Мүшелер
council-your-role = Сіздің рөліңіз
council-member-total = { $count ->
    [one] { $count } мүше
   *[other] { $count } мүше
}
council-sections = Кеңес бөлімдері
settings-title = Кеңес баптаулары
settings-submit = Баптауларды сақтау
settings-private = Жабық кеңес: сайлауларды тек мүшелер көреді
settings-private-hint = Сонда сайлау беттері, сайлау жәшіктері мен мұрағаттар тек жүйеге кірген мүшелерге көрсетіледі; басқаларға мұндай бет жоқ деп айтылады.
kind-workplace = Еңбек ұжымының кеңесі
kind-neighbourhood = Тұрғындар кеңесі
kind-union = Кәсіподақ
kind-cooperative = Кооператив
kind-federation = Кеңестер федерациясы
kind-assembly = Жиналыс

## Мүшелер
members-title = Мүшелер
member-you = (сіз)
member-joined = Қосылған күні
member-number = Мүшелік нөмірі
member-status = Мәртебесі
member-active = Белсенді
member-removed = Шығарылған
member-joined-via = Қосылу тәсілі
joined-via-invitation = Шақыру арқылы
joined-via-secretary = Төраға немесе хатшы қосқан
joined-via-founder = Кеңесті құрды
member-rename-title = Көрсетілетін ат
member-rename-submit = Атын өзгерту
member-manage = Осы мүшені басқару
member-change-role = Рөлін өзгерту
member-make-link = Кіру сілтемесін жасау
member-remove = Кеңестен шығару
member-add-title = Мүше қосу
member-add-hint = Адамды аты бойынша қосыңыз; kenes сізге оған беретін бір реттік кіру сілтемесін жасайды.
member-add-submit = Мүше қосу
member-added-title = Мүше қосылды
member-added-hint = Бұл бір реттік сілтемені мүшеге өз қолына немесе сенімді арна арқылы беріңіз. Ол арқылы бір рет кіруге болады, ал 14 күннен кейін ол жарамсыз болады.
member-link-title = Кіру сілтемесі
link-label = Сілтеме
back-to-council = Кеңеске оралу
role-member = Мүше
role-chair = Төраға
role-secretary = Хатшы
role-observer = Бақылаушы

## Шақырулар
invite-title = Адамды шақыру
invite-hint = Бір реттік сілтеме жасаңыз: оны ашқан адам көрсетілетін ат пен құпиясөзді таңдап, сіз таңдаған рөлмен кеңеске қосылады.
invite-submit = Шақыру сілтемесін жасау
links-title = Белсенді сілтемелер
links-hint = Әлі ешкім пайдаланбаған шақырулар мен кіру сілтемелері. Қате адамға жеткенін кері қайтарыңыз.
links-none = Белсенді сілтеме жоқ.
links-col-link = Сілтеме
links-col-expires = Мерзімі
link-invitation = «{ $role }» рөліне шақыру, жасаған: { $name }
link-signin = { $name } үшін кіру сілтемесі
link-revoke = Кері қайтару
link-revoke-label = { $expires } дейінгі сілтемені кері қайтару
invite-created-title = Шақыру сілтемесі
invite-created-hint = Бұл сілтемені бір адамға жіберіңіз. Ол бір рет қана жұмыс істейді және 14 күннен кейін жарамсыз болады.
join-title = Қосылу: { $council }
join-intro = Сізді осы кеңеске қосылуға шақырды. Кеңес сізді қандай атпен танитынын таңдаңыз.
join-submit = Қосылу

## Кіру сілтемелері
link-signin-title = Сілтеме арқылы кіру
link-signin-intro = Бұл сілтеме арқылы бір рет кіре аласыз. Содан кейін тіркелгі бетінде құпиясөз орната аласыз.

## Импорт
import-title = Мүшелер тізімін импорттау
import-hint = Тақырып жолы және «name» бағаны бар CSV файлын жүктеңіз; «role» және «contact» бағандары міндетті емес. Байланыс деректері осы түйінде қалады және журналға ешқашан түспейді. Бір жол қате болса, ештеңе импортталмайды.
import-file = CSV файлы
import-submit = Импорттау
import-done = { $count ->
    [one] { $count } мүше импортталды.
   *[other] { $count } мүше импортталды.
}
import-refused = { $count ->
    [one] { $count } жол қабылданбады, сондықтан ештеңе импортталмады. Оны түзетіп, файлды қайта жүктеңіз.
   *[other] { $count } жол қабылданбады, сондықтан ештеңе импортталмады. Оларды түзетіп, файлды қайта жүктеңіз.
}
import-file-error = Файлды мүшелер тізімі ретінде оқу мүмкін емес: { $detail }
import-rejected-caption = Қабылданбаған жолдар
import-line = Жол
import-reason = Себебі
roll-field-count = Бұл жолда { $found } өріс бар, ал тақырып жолында { $expected } өріс бар.
roll-csv = CSV бұл жерде қате құрылған: { $detail }
roll-contact = Байланыс деректері 200 таңбадан ұзын немесе басқару таңбалары бар.
roll-already-member = { $name } осы кеңестің мүшесі болып тұр.
roll-duplicate = { $name } { $line }-жолда бұрыннан бар.

## Журнал
record-title = Журнал
record-of = { $council } журналы
record-intro = Осы кеңестегі әрбір өзгеріс — оқиға: ол нөмірленген, оны жазған түйін оған қол қойған және ол алдыңғы оқиғамен хеші арқылы тізбектелген.
record-council-id = Кеңес идентификаторы
record-home-node = Негізгі түйін
record-height = Нөмір
record-height-n = { $height }-оқиға
record-time = Уақыт
record-kind = Түрі
record-hash = Хеш
record-payload = Мазмұны
bundle-download = Журналды жүктеп алу (бір файл)
record-pages = Журнал беттері
record-newer = Жаңарақ оқиғалар
record-older = Ескірек оқиғалар

## Тіркелгі
account-title = Сіздің тіркелгіңіз
account-no-password = Тіркелгіңізде әлі құпиясөз жоқ: сіз сілтеме арқылы кірдіңіз. Кейін қайта кіре алу үшін құпиясөз орнатыңыз.
account-set-password = Құпиясөз орнату
account-password-set = Құпиясөзіңіз орнатылды.
account-links-title = Сізге жасалған кіру сілтемелері
account-links-new = Соңғы рет кіргеніңізден бері сізге кіру сілтемелері жасалды: тізімде әрқайсысын кім жасағаны және қашан пайдаланылғаны көрсетілген. Сілтемені пайдаланған адам сіздің тіркелгіңізбен кірді; ол сіз болмасаңыз, кеңесіңіздің хатшысына айтып, құпиясөз орнатыңыз.
account-links-maker = Кім жасады
account-links-made = Жасалды
account-links-used = Пайдаланылды
account-links-unused = пайдаланылмаған
account-links-fresh = (жаңа)

## Қателер
error-title = Бірдеңе дұрыс емес
error-back = Артқа
error-not-found = Мұнда ештеңе жоқ.
error-sign-in-required = Алдымен кіріңіз.
error-forbidden = Сізге мұны көруге немесе істеуге рұқсат жоқ.
error-csrf = Бұл пішіннің мерзімі өтіп кеткен немесе ол осы сайттан келмеген. Бетті қайта жүктеп, қайталап көріңіз.
error-too-large = Сіз жіберген дерек тым үлкен.
error-internal = Серверде қате шықты. Ештеңе өзгертілмеді.
error-too-many-streams = Бұл тіркелгіде нақты уақытта жаңаратын беттер рұқсат етілген ең көп санда ашық тұр. Басқа қойындыны немесе телефондағы бетті жауып, осы бетті қайта жүктеңіз.
error-busy = Серверде қазір тексеретін нәрсе тым көп. Ештеңе өзгертілмеді: сәлден кейін қайталап көріңіз.
error-json = Сұрау денесі күтілген JSON пішімінде емес.
error-upload = Жүктелген файлды оқу мүмкін болмады.
error-password-length = Құпиясөзде кемінде 10 таңба болуы керек.
error-username = Пайдаланушы аты 3-тен 64-ке дейін әріп, цифр, нүкте, сызықша немесе астыңғы сызықтан тұруы керек.
error-username-taken = Бұл пайдаланушы аты бос емес.
error-link-invalid = Бұл сілтеме жарамсыз: ол бұрын пайдаланылған, мерзімі өткен, кері қайтарылған немесе қате терілген.
error-link-own-account = Бұл мүшенің өз тіркелгісі бар (құпиясөзі бар немесе басқа кеңестерде), сондықтан оған кіру сілтемесін жасауға болмайды: ол өз құпиясөзімен кіреді.
error-already-member = Сіз осы кеңестің мүшесі болып тұрсыз.
error-empty = { $what ->
    [display-name] Көрсетілетін ат бос.
    [council-name] Кеңес атауы бос.
    [languages] Кемінде бір тілді таңдаңыз.
   *[other] Міндетті өріс бос.
}
error-too-long = { $what ->
    [display-name] Көрсетілетін ат { $max } таңбадан ұзын.
    [council-name] Кеңес атауы { $max } таңбадан ұзын.
    [description] Сипаттама { $max } таңбадан ұзын.
   *[other] Өрістердің бірі { $max } таңбадан ұзын.
}
error-control = { $what ->
    [display-name] Көрсетілетін атта басқару таңбалары бар.
    [council-name] Кеңес атауында басқару таңбалары бар.
   *[other] Өрістердің бірінде басқару таңбалары бар.
}
error-council-kind = Кеңес түрін тізімнен таңдаңыз.
error-role = Рөл мүше, төраға, хатшы немесе бақылаушы болуы керек.
error-language = Тілдерді тізімнен таңдаңыз.
error-not-a-member = Бұл адам осы кеңестің белсенді мүшесі емес.
error-not-allowed = Мұны тек төраға немесе хатшы жасай алады.
error-duplicate-name = Бұл кеңесте { $name } атты мүше бұрыннан бар.
error-last-manager = Кеңесте кемінде бір төраға немесе хатшы қалуы керек.
error-empty-import = Импорттайтын ештеңе жоқ.
error-import-too-large = Бір импортта ең көбі 10 000 мүше болуы мүмкін.
error-unchanged = Бұл мүшенің рөлі онсыз да осындай.
error-out-of-range = { $what ->
    [quorum] Кворум пайызбен беріледі: 0 мен { $max } аралығында.
    [seconders] Қолдаушылар саны { $max } санынан аспауы керек.
    [speaking-time] Сөз сөйлеу уақыты { $max } секундтан аспауы керек.
   *[other] Сан тым үлкен: ең көбі { $max }.
}

## Отырыстар
mt-assemblies = Отырыстар
mt-none = Бұл кеңесте әлі отырыс жоқ.
mt-title = Атауы
mt-starts = Уақыты
mt-place = Орны
mt-status = Мәртебесі
mt-status-planned = Жоспарланған
mt-status-open = Жүріп жатыр
mt-status-closed = Жабылған
mt-convene = Отырыс шақыру
mt-rules = Отырыс регламенті
mt-quorum-percent = Кворум (дауыс беру құқығы бар мүшелердің қатысу пайызы)
mt-seconders = Ұсынысқа қажет қолдаушылар саны
mt-speaking-seconds = Сөз сөйлеу уақыты, секундпен (0 — шектеусіз)
mt-alternate = Ұсынысты жақтап және қарсы сөйлейтіндер кезектесіп сөз алады
mt-sections = Отырыс беттері
mt-projector = Проекторға арналған көрініс
mt-minutes = Хаттама
mt-reconnecting = Байланыс үзілді: қайта қосылып жатыр… Бет өзі жаңарып, отырыстың барысын қуып жетеді.
mt-present-count = Қатысып отыр: { $present }, кворумға қажет: { $needed }
mt-quorum-met = кворум бар
mt-quorum-missing = кворум жоқ
mt-check-in = Тіркелу
mt-check-out = Кетуді белгілеу
mt-you-are-present = Сіз тіркелдіңіз.
mt-agenda = Күн тәртібі
mt-agenda-empty = Күн тәртібі бос.
mt-minutes-planned = ({ $minutes } мин)
mt-take-item = Қарауға көшу
mt-take-item-label = { $number }-тармақты қарауға көшу
mt-now = Қаралуда
mt-speakers = Сөз сөйлеушілер
mt-speaking-now = Сөйлеп тұр
mt-nobody-speaking = Қазір ешкім сөйлеп тұрған жоқ.
mt-list-empty = Сөз сұраған ешкім жоқ.
mt-more-waiting = …және тағы { $count }.
mt-waiting = Сөз кезегіндегілер
mt-speech-kind = Сөз сұрау
mt-speech-speech = сөз сөйлеу
mt-speech-for = ұсынысты жақтап
mt-speech-against = ұсынысқа қарсы
mt-speech-point-of-order = регламент бойынша
mt-request-floor = Кезекке жазылу
mt-leave-list = Кезектен шығу
mt-move-front = Кезектің басына
mt-remove-speaker = Алып тастау
mt-give-floor = Келесі сөйлеушіге сөз беру
mt-end-speech = Сөзді аяқтау
mt-motion-number = { $number }-ұсыныс
mt-moved-by = авторы: { $name }
mt-seconded-by = қолдағандар: { $count }, қажет: { $needed }
mt-alternative-to = { $number }-ұсынысқа балама
mt-motion-submitted = енгізілді
mt-motion-admitted = қарауға алынды
mt-motion-debated = талқылануда
mt-motion-voting = дауысқа қойылды
mt-motion-adopted = қабылданды
mt-motion-rejected = қабылданбады
mt-motion-withdrawn = кері алынды
mt-motion-referred = пысықтауға жіберілді
mt-amendment-number = { $number }-түзету
mt-amendment-lines = { $from }–{ $to } жолдарға
mt-second = Қолдау
mt-withdraw = Кері алу
mt-admit = Қарауға алу
mt-debate = Талқылауды ашу
mt-refer = Пысықтауға жіберу
mt-put-roll-call = Атаулы дауыс беруге қою
mt-put-tellers = Санақ комиссиясы санайтын дауыс беруге қою
mt-amend = Түзету ұсыну
mt-from-line = Қай жолдан
mt-to-line = Қай жолға дейін
mt-new-text = Жаңа мәтін (жолдарды алып тастау үшін бос қалдырыңыз)
mt-amend-submit = Түзетуді енгізу
mt-vote-number = { $number }-дауыс беру
mt-roll-call = атаулы, дауыстар аты-жөнімен жазылады
mt-tellers = дауыстарды санақ комиссиясы санайды
mt-majority = көпшілік: { $num }/{ $den } бөліктен артық (есептеу негізі: { $basis })
mt-majority-at-least = көпшілік: кемінде { $num }/{ $den } бөлік (есептеу негізі: { $basis })
mt-basis-votes-cast = берілген дауыстар
mt-basis-yes-no = «жақтап» және «қарсы» дауыстар
mt-basis-members = барлық мүшелер
mt-basis-present = қатысып отырған мүшелер
mt-vote-open = Дауыс беру жүріп жатыр
mt-votes-so-far = Дауыс бергендер: { $count }
mt-choice-yes = Жақтаймын
mt-choice-no = Қарсымын
mt-choice-abstain = Қалыс қаламын
mt-you-voted = Дауысыңыз тіркелді.
mt-enter-counts = Санақ қорытындысын енгізу
mt-counted = Жақтап: { $yes }, қарсы: { $no }, қалыс қалғандар: { $abstain }.
mt-close-vote = Дауыс беруді аяқтау
mt-carried = Қабылданды
mt-lost = Қабылданбады
mt-needed = Қажетті «жақтап» дауыстар: { $needed } ({ $basis } ішінен).
mt-by-name = Атаулы дауыстар
mt-results = Дауыс беру қорытындылары
mt-announce-vote-open = Дауыс беру жүріп жатыр: { $question }
mt-announce-speaker = Сөз беріледі: { $name }.
mt-announce-carried = Қабылданды: { $question }
mt-announce-lost = Қабылданбады: { $question }
mt-chair = Төрағаның басқару тақтасы
mt-open = Отырысты ашу
mt-close = Отырысты жабу
mt-add-item = Күн тәртібіне тармақ қосу
mt-item-minutes = Жоспарланған уақыт (минут)
mt-item-parent = Қай тармақтың ішінде
mt-mark-attendance = Мүшелердің келуін немесе кетуін белгілеу
mt-member = Мүше
mt-put-question = Мәселені дауысқа қою
mt-question = Мәселе
mt-mode = Дауыс беру тәсілі
mt-majority-rule = Көпшілік
mt-majority-simple = Жай көпшілік
mt-majority-two-thirds = Үштен екі
mt-majority-three-quarters = Төрттен үш
mt-basis = Есептеу негізі
mt-open-vote = Дауыс беруді ашу
mt-annotate = Хаттамаға жазба қосу
mt-note = Жазба
mt-move = Ұсыныс енгізу
mt-item = Күн тәртібінің тармағы
mt-motion-text = Ұсыныс мәтіні
mt-motion-text-hint = Түзетулер оның жол нөмірлеріне сілтеме жасайды.
mt-alternative = Қай ұсынысқа балама
mt-move-submit = Ұсынысты енгізу
mt-error-number = { $field } өрісі бүтін сан болуы керек.
mt-error-field = { $field } өрісі толтырылмаған немесе ұсынылған нұсқалардың бірі емес.

## Хаттама
mn-title = Хаттама
mn-convened-by = Шақырған
mn-opened = Ашылды
mn-closed = Жабылды
mn-present = Қатысқандар
mn-present-count = Тіркелген мүшелер: { $count }.
mn-taken-up = Қаралуы басталды: { $time }.
mn-spoke = Сөз сөйлегендер
mn-seconded = қолдағандар
mn-as-moved = Енгізілген редакциясы
mn-as-adopted = Қабылданған редакциясы
mn-question = мәселе
mn-opened-at = ашылды: { $time }
mn-notes = Хатшының жазбалары
mn-footer = Кеңес журналы негізінде жасалды (кеңес { $council }, { $height }-оқиғаға дейін). Журналы бар кез келген адам бұл хаттаманы қайта жасап, тексере алады.

## Отырыстағы бас тартулар
refused-no-assembly = { $number }-отырыс жоқ.
refused-not-open = Отырыс қазір жүріп жатқан жоқ.
refused-closed = Отырыс жабылған.
refused-already-open = Отырыс жүріп жатыр.
refused-not-presiding = Мұны тек төраға немесе хатшы жасай алады.
refused-observer = Бақылаушылар ұсыныс енгізе, қолдай, сөз сөйлей немесе дауыс бере алмайды.
refused-only-for-themselves = Мүшелер мұны тек өздері үшін жасай алады.
refused-not-checked-in = Алдымен тіркеліңіз: мұны тек қатысып отырған мүшелер жасай алады.
refused-already-checked-in = Тіркеу бұрын жасалған.
refused-no-item = Күн тәртібінде { $number }-тармақ жоқ.
refused-not-current-item = Күн тәртібінің бұл тармағы қазір қаралып жатқан жоқ.
refused-already-current = Күн тәртібінің бұл тармағы қазір қаралып жатыр.
refused-too-deep = Күн тәртібінің тармақтары { $depth } деңгейден артық ішкі деңгейге бөлінбейді.
refused-too-many-items = Күн тәртібінде { $max } тармақтан артық болмайды.
refused-too-many-motions = Жиналыста { $max } ұсыныстан артық болмайды.
refused-too-many-amendments = Жиналыста { $max } түзетуден артық болмайды.
refused-no-motion = { $number }-ұсыныс жоқ.
refused-motion-state = Ұсыныстың мәртебесі — «{ $status ->
        [submitted] енгізілді
        [admitted] қарауға алынды
        [debated] талқылануда
        [voting] дауысқа қойылды
        [adopted] қабылданды
        [rejected] қабылданбады
        [withdrawn] кері алынды
        [referred] пысықтауға жіберілді
       *[other] { $status }
    }»: қазір мұны жасауға болмайды.
refused-motion-admit-first = { $number }-ұсыныс әлі қаралуға қабылданбаған: алдымен төраға оны қабылдайды («Қарауға алу»), содан кейін оны талқылауға, түзетуге және дауысқа салуға болады.
refused-amendment-undecided = { $number }-түзету әлі шешілмеген: ұсынысты дауысқа салмас бұрын түзетуді дауысқа салыңыз немесе оны қайтарып алсын.
refused-no-amendment = { $number }-түзету жоқ.
refused-amendment-state = Түзетудің мәртебесі — «{ $status ->
        [submitted] енгізілді
        [admitted] қарауға алынды
        [debated] талқылануда
        [voting] дауысқа қойылды
        [adopted] қабылданды
        [rejected] қабылданбады
        [withdrawn] кері алынды
        [referred] пысықтауға жіберілді
       *[other] { $status }
    }»: қазір мұны жасауға болмайды.
refused-not-mover = Оны тек авторы кері ала алады.
refused-own-motion = Автор өз ұсынысын немесе түзетуін өзі қолдай алмайды.
refused-already-seconded = Сіз оны бұрын қолдадыңыз.
refused-not-seconded = Қажетті қолдаушылар: { $needed }, қолдағандар: { $have }.
refused-line-range = Ұсыныста мұндай жолдар жоқ (барлық жол саны: { $lines }).
refused-stale-amendment = Бұл түзету жазылғаннан кейін ұсыныс өзгерді: түзетуді қазіргі мәтінге сай қайта жазыңыз.
refused-bad-alternative = Балама тек күн тәртібінің сол тармағындағы басқа ұсынысқа ғана ұсынылады.
refused-already-waiting = Сіз сөз кезегінде тұрсыз.
refused-not-waiting = Бұл мүше сөз кезегінде жоқ.
refused-nobody-waiting = Сөз сұраған ешкім жоқ.
refused-nobody-speaking = Қазір ешкім сөйлеп тұрған жоқ.
refused-no-quorum = Кворум жоқ (қатысып отыр: { $present }, қажет: { $needed }).
refused-vote-open = Дауыс беру жүріп жатыр: алдымен оны аяқтаңыз.
refused-no-vote = { $number }-дауыс беру жоқ.
refused-vote-closed = Бұл дауыс беру аяқталған.
refused-already-voted = Сіз дауыс беріп қойдыңыз.
refused-counted-by-tellers = Бұл дауыс беруде дауыстарды санақ комиссиясы санайды, олар аты-жөнімен жазылмайды.
refused-by-name = Бұл — атаулы дауыс беру: санақ қорытындысын енгізудің қажеті жоқ.
refused-too-many-counted = Саналған дауыстардың жиыны ({ $counted }) қатысып отырған мүшелер санынан ({ $present }) көп.
refused-not-counted = Дауыс беруді аяқтамас бұрын санақ комиссиясының қорытындысын енгізіңіз.
refused-bad-majority = Көпшілік 0 мен 1 аралығындағы бөлшек болуы керек.
demo-not-empty = Демо деректер тек жаңа, бос деректер каталогына жүктеледі; бұл каталогта кеңес бар.

# Votes among options
mt-put-choice = Нұсқалар арасынан таңдауды дауысқа салу
mt-options = Нұсқалар, әр жолға біреуден
mt-method = Санау әдісі
mt-method-plurality = Салыстырмалы көпшілік (ең көп белгі)
mt-method-irv = Лезде өтетін екінші тур (рейтингтік)
mt-method-stv = Бірыңғай ауыспалы дауыс (рейтингтік)
mt-method-schulze = Шульце әдісі (рейтингтік)
mt-method-seats = { $method }, орын саны: { $seats }
mt-seats = Орын саны
mt-preference = { $number }-таңдау
mt-mark = { $number }-белгі
mt-cast-ballot = Бюллетенімді тапсыру
mt-elected = Сайланғандар: { $names }
mt-nobody-elected = Ешкім сайланбады
mt-ballots-counted = Бюллетеньдер: толтырылғаны { $marked }, бос { $empty }
mt-count-stages = Кезең-кезеңімен санау
mt-option = Нұсқа
mt-stage = { $number }-кезең
mt-exhausted = Таусылған бюллетеньдер
mt-order = Реті: { $order }
mt-announce-elected = { $question }: { $names }
refused-chooses-among-options = Бұл дауыс беруде нұсқалар арасынан таңдайды: «иә» не «жоқ» деудің орнына оларды ретімен қойыңыз.
refused-yes-no-vote = Бұл «иә/жоқ» дауыс беруі; онда реттейтін нұсқалар жоқ.
refused-options-need-question = Нұсқалар бойынша дауыс беру сұрақ қояды және атаулы түрде өтеді.
error-count = { $what ->
    [options] { $min } мен { $max } аралығында нұсқа беріңіз (қазір { $got }).
    [seats] Орын саны { $min } мен { $max } аралығында болуы керек ({ $got } емес).
    [marks] Бюллетеньде ең көбі { $max } нұсқа белгілеуге болады (мұнда { $got }).
   *[other] { $got } нөмірлі нұсқа жоқ; нұсқалар 1-ден { $max }-ға дейін нөмірленген.
}
error-duplicate-option = «{ $value }» екі рет көрсетілген.
mt-minutes-pdf = Хаттама (PDF)
mt-move-up = Жоғары
mt-move-down = Төмен

# Secret elections
el-elections = Сайлаулар
el-none = Әзірге сайлау жоқ.
el-new = Сайлау дайындау
el-title = Атауы
el-description = Сипаттама (міндетті емес)
el-question-number = { $number }-сұрақ
el-question = Сұрақ
el-answers = Жауап нұсқалары, әр жолға біреуден
el-min = Кемінде
el-max = Көп дегенде
el-blank = Бос бюллетеньмен дауыс беруге болады
el-trustees = Кілт сақтаушылар
el-threshold = Шифрды ашуға қажет сақтаушылар саны (0 — барлығы, әрқайсысының өз кілті бар)
el-threshold-help = Шекпен нәтижені кез келген сонша сақтаушы бірге аша алады; одан азы аша алмайды.
el-create = Сайлауды дайындау
el-status-setup = Дайындалып жатыр: сақтаушылар кілт жасайды
el-status-open = Дауыс беру ашық
el-status-closed = Дауыс беру жабық: сақтаушылар нәтижені ашады
el-status-tallied = Нәтиже жарияланды
el-questions = Сұрақтар
el-choose = { $min }-ден { $max }-ге дейін таңдаңыз
el-trustee-decrypted = шифрды ашты
el-trustee-key-ready = кілт жасалды
el-trustee-waiting = әлі кілт жасамады
el-threshold-of = Шифрды ашу үшін { $n } сақтаушының { $k }-і керек.
el-trustee-page = Кілт сақтаушы ретіндегі менің үлесім
el-get-credential = Дауыс беру кодымды алу
el-vote = Дауыс беру
el-board = Сайлау жәшігі
el-ballots-counted = { $voters } сайлаушыдан { $counted } бюллетень есептеледі (қайта берілгендерімен бірге { $cast } берілді).
el-trackers = Есептелетін бюллетеньдердің бақылау нөмірлері
el-result = Нәтиже
el-blank-vote = Бос бюллетень
el-archive = Сайлау мұрағатын жүктеп алу (.bel)
el-verify = Сайлауды тексеру
el-controls = Хатшының басқаруы
el-open = Дауыс беруді ашу
el-waiting-for-trustees = Сақтаушылардың кілт жасауын күтудеміз.
el-slips = Код карточкаларын басып шығару (PDF)
el-slips-again = Жаңа карточкаларды басып шығару (PDF), бұрынғылары жарамсыз болады
el-waiting-for-slips = Алдымен код карточкаларын басып шығарыңыз: олар жасалған соң дауыс беру ашылады.
el-hall = Зал режимі: кодтар басылған карточкаларда, тіркелгісі жоқ сайлаушылар үшін
el-hall-help = Карточканы ұстаған адам жүйеге кірмей-ақ сол арқылы дауыс береді. Бұл әдеттегі режимнен әлсіздеу: карточкалар қолынан өткен адам таратылмаған карточкалармен дауыс бере алады. Бұл режимсіз әр мүше жүйеге кіріп, тек өзі пайдалана алатын кодпен дауыс береді.
el-mode-hall = Зал режимі: код карточкасын ұстаған адам жүйеге кірмей дауыс береді.
el-mode-members = Әр мүше жүйеге кіріп, өз кодымен дауыс береді; бір код тек бір мүшеге жарайды.
el-error-slips-before-opening = Карточкалар дауыс беру ашылғанға дейін басылады, кейін емес.
el-error-not-hall = Бұл сайлауда әр мүше өз кодын алады; карточкалар тек зал режиміндегі сайлауларға арналған.
el-error-not-a-voter = Сіз осы сайлаудың сайлаушылар тізімінде жоқсыз.
el-error-credential-taken = Бұл кодты басқа мүше пайдаланып қойған: ол сіздікі емес.
el-error-other-credential = Сіз басқа кодпен дауыс бердіңіз: қайта дауыс беру үшін сол кодты пайдаланыңыз.
el-total-weight = Жалпы салмақ
el-error-total-weight = Тізімдегі салмақтардың қосындысы — { $total }; сайлауда ең көбі { $max } есептеуге болады.
el-error-credential-weight = Ашық кодтың салмағы — { $weight }, ал тізім мұндай салмақ бермейді: салмақтар сайлаушылар тізімінен алынады (әркімде бір дауыс немесе федерацияда делегат орнының салмағы).
el-weights = Сайлаушылардың салмақтары:
el-weight-count = { $count } (салмағы { $weight })
el-decryption-inconsistent = Сақтаушылардың шифр ашуларынан нәтиже шықпады: шифр ашудың бір көбейткіші қате, бірақ оның дәлелі дұрыс. { $trustees ->
    [none] Тағы бір сақтаушы шифрды ашқанда нәтиже шығады.
   *[other] Күдікті: { $trustees }. Тағы бір сақтаушы шифрды ашқанда немесе күдікті шифрды қайта ашқанда нәтиже шығады.
}
el-counted-weights = Есептелген бюллетеньдер және олардың салмағы
el-tracker-heading = Бақылау нөмірі
el-weight-heading = Салмақ
el-publish = Бұл сайлауды жариялау
el-publish-help = Оның беті, сайлау жәшігі мен мұрағаты бәріне көрініп, тексеруге ашық болады, ал кеңес жабық күйінде қалады. Бұл журналға жазылады және оны кері қайтару мүмкін емес.
el-published = Кеңес жабық, бірақ бұл сайлау жарияланған: оны кез келген адам көріп, тексере алады.
el-private = Кеңес жабық: бұл сайлауды тек оның мүшелері көреді.
el-refused-published = Бұл сайлау жарияланып қойған.
el-close = Дауыс беруді жабу
el-back = Сайлауға оралу
el-loading = Жүктелуде…
el-needs-javascript = Бұл бетке JavaScript керек: кілттер мен шифрлау серверде емес, сіздің браузеріңізде жасалады.
el-trustee-key-help = Кілтіңіз осы браузерде жасалып, сізге файл ретінде беріледі. Файлды сенімді сақтаңыз: нәтижені ашу үшін ол керек болады. Ол серверге ешқашан жіберілмейді.
el-make-key = Кілтімді жасау
el-key-file = Осы сайлауға арналған кілт сақтаушы файлыңыз (сақтаған .json файлы; не командалық жолдың .key және .dkey файлдары)
el-continue = Жалғастыру
el-download-key = Кілт файлын жүктеп алу
el-credential-once = Бұл сіздің дауыс беру кодыңыз. Ол тек бір рет көрсетіледі: сервер оны қазір ұмытады. Сілтеме арқылы дауыс беріңіз немесе кодты жазып алыңыз.
el-vote-now = Қазір дауыс беру
el-credential = Дауыс беру коды
el-encrypt = Бюллетенімді шифрлау
el-sealed = Бюллетеніңіз осы браузерде шифрланды. Оны тапсырыңыз немесе алдымен шифрлауды тексеріңіз (тексерілген бюллетень жойылады, сіз қайта шифрлайсыз).
el-tracker = Бақылау нөмірі:
el-cast = Бюллетенімді тапсыру
el-audit = Осы шифрлауды тексеру
el-your-tracker = Тапсырылған бюллетеніңіздің бақылау нөмірі:
el-verified = Мұрағаттағы барлық дәлелдер дұрыс.
el-not-verified = Мұрағат тексеруден өтпейді.
el-voters = Сайлаушылар
el-ballots = Берілген бюллетеньдер
el-decryptions = Ішінара шифр ашулар
el-hash-matches = Мұрағаттың SHA-256 мәні кеңес журналындағымен бірдей.
el-hash-differs = Мұрағаттың SHA-256 мәні кеңес журналындағымен БІРДЕЙ ЕМЕС.
el-verify-yourself = Мұрағатты кез келген бағдарламамен өзіңіз тексеріңіз:
el-error-field = { $field } өрісі толтырылмаған немесе қате.
el-error-already-done = Бұл қадам орындалып қойған.
el-error-out-of-turn = Сайлаудың осы кезеңінде мұны істеуге болмайды.
el-error-key = Кілт деректері жарамсыз: { $reason }
el-error-signature = Сертификаттың қолтаңбасы тексеруден өтпейді.
el-error-ballot = Бюллетень қабылданбады: { $reason }
el-error-decryption = Ішінара шифр ашу қабылданбады: { $reason }
el-error-no-credential = Сізге арналған код жоқ: ол бұрын берілген немесе сіз сайлаушылар тізімінде жоқсыз.
el-refused-no-election = { $number } сайлауы жоқ.
el-refused-state = Мұны қазір істеуге болмайды: сайлаудың күйі — { $status }.
el-js-error = Қате
el-js-download = Жүктеп алу
el-js-need-key = Жалғастыру үшін кілт файлыңызды таңдаңыз.
el-js-decrypting = Нәтижені осы браузерде кілтіңізбен ашып жатырмыз…
el-js-decrypted = Ішінара шифр ашуыңыз қабылданды. Рақмет.
el-js-step-done = Әзірге сіздің үлесіңіз орындалды.
el-js-waiting = Басқа сақтаушыларды күтудеміз…
el-js-encrypting = Осы браузерде шифрлап жатырмыз…
el-js-sealed = Шифрланды. Бақылау нөмірін тексеріп, бюллетеньді тапсырыңыз немесе шифрлауды тексеріңіз.
el-js-audited = Тексеруден өтті: бұл шифрлауда дәл сіздің таңдауыңыз бар. Бұл бюллетень жойылды; дауыс беру үшін қайта шифрлаңыз.
el-js-audit-failed = Тексеруден ӨТПЕДІ; бұл құрылғыдан дауыс бермеңіз және хатшыға айтыңыз
el-js-casting = Тапсырып жатырмыз…
el-js-cast = Бюллетеніңіз тапсырылды. Бақылау нөмірі:
el-js-replaced = Жаңа бюллетеніңіз бұрынғысын алмастырады. Бақылау нөмірі:
el-voters-from = Кім дауыс береді
el-voters-all = Кеңестің дауыс беру құқығы бар барлық мүшесі
el-voters-present = «{ $title }» жиналысына тіркелген мүшелер
el-error-no-voters = Бұл сайлауда әзірге ешкім дауыс бере алмайды: дауыс құқығы бар ешкім тіркелмеген.
el-meeting-elections = Осы жиналыстың жасырын дауыс берулері
el-authority = Код беруші (сайлаушылардың кодтарын кім жасайды)
el-authority-server = Осы сервер (әр кодты бір рет беріп, ұмытады)
el-authority-page = Код беруші ретіндегі менің үлесім
el-authority-help = Барлық сайлаушының кодын осы браузерде жасаңыз. Оларды тарату үшін файл ретінде аласыз (басып шығарыңыз немесе әркімге өз кодын беріңіз); сервер тек ашық бөлігін алады және ешкімнің атынан дауыс бере алмайды.
el-make-credentials = Кодтарды жасау
el-download-credentials = Таратуға арналған кодтарды жүктеп алу (CSV)
el-authority-done = Код беруші кодтарды жасады.
el-authority-waiting = Код берушінің кодтарды жасауын күтудеміз.
el-error-credential-count = { $voters } сайлаушыға { $count } ашық код жіберілді.
el-slip-label = { $number }-карточка
el-slip-instructions = Кодты залдың Wi-Fi желісінде телефонмен сканерлеңіз немесе дауыс беру бетін ашып, кодты теріңіз. Карточканы ешкімге көрсетпеңіз: оны ұстаған адам сіздің орныңызға дауыс бере алады, тек соңғы бюллетень есептеледі.
el-error-no-slips = Барлық код берілді; басып шығаратын ештеңе жоқ.
el-slips-help = Әр сайлаушыға бір карточка: олар қазір жасалады, ал сервер файлды жасай салысымен оларды ұмытады. Файлды жаппас бұрын басып шығарыңыз. Дауыс беру ашылғанға дейін қайта басып шығарсаңыз, жаңа карточкалар жасалады, ал бұрынғылары жарамсыз болады.
el-cli-trustee = Кілтті командалық жолда жасадыңыз ба?
el-cli-trustee-help = Сақтаушы кілтін мүлде веб арқылы жасамауы мүмкін: оны өз компьютеріңізде kenes бағдарламасымен жасап, әр қадамның ашық файлын (.pubkey, сертификат, көпмүше, voutput), ал дауыс беру жабылғаннан кейін ішінара шифр ашуыңызды осында жіберіңіз.
el-cli-file = Командалық жолда жасалған файл
el-cli-send = Файлды жіберу
el-roll = Немесе жүктелген сайлаушылар тізімі (міндетті емес)
el-roll-help = Әр жолға бір сайлаушы: аты, ал үтірден кейін салмағы (үлкен кеңестердің делегаттарында дауыс көбірек). Олардың кодтары карточкаларға басылады.
el-error-roll = Тізімнің { $line }-жолы қате: ұзындығы 200 таңбадан аспайтын ат, содан кейін қаласаңыз үтір және 1-ден 1 000 000-ға дейінгі салмақ.
el-slip-weighted = { $label } ({ $weight } дауыс)

# needs you now
now-title = Сізді қазір күтіп тұр
now-nothing = Қазір сізден ештеңе талап етілмейді.
now-vote = «{ $meeting }» жиналысында дауыс беру жүріп жатыр, сіздің дауысыңызды күтеді.
now-vote-action = Дауыс беру
now-meeting-in-session = «{ $meeting }» жүріп жатыр.
now-meeting-join = Қосылу
now-meeting-check-in = Қосылып, белгілену
now-ballot = Дауыс беру ашық: { $election }.
now-ballot-collect = Дауыс беру кодын алу
now-ballot-vote = Дауыс беру
now-meeting-planned = «{ $meeting }» шақырылды: { $starts }, { $place }.
now-open = Ашу
now-trustee = Кілт сақтаушы ретінде сіздің кезегіңіз: { $election }.
now-trustee-action = Кілт сақтаушы бетін ашу
now-decrypt = «{ $election }» дауыс беруі жабылды: кілт сақтаушылар нәтижені ашады.
now-finish-setup = «{ $election }» дайындалып жатыр.
now-finish-tally = «{ $election }» жабылды, қорытындыны күтіп тұр.
manage-title = Кеңесті басқару
manage-page-title = Басқару: { $council }

# confirmations
mt-status-cancelled = Болдырылмады
mt-cancel = Отырыстан бас тарту…
mt-cancel-question = Бұл отырыстан бас тартасыз ба? Ол ашылмаған; жазбада болдырылмаған болып қалады, оны қайта ашу мүмкін болмайды.
mt-cancel-confirm = Иә, отырыстан бас тарту
mt-close-question = Отырысты жабасыз ба? Одан кейін онда ештеңе болмайды; хаттама жазылғандардан жасалады.
mt-close-confirm = Иә, отырысты жабу
member-remove-question = { $name } кеңестен шығарылсын ба? Бұрынғы әрекеттері жазбада қалады; кейін жаңа мүше ретінде қайта қосуға болады.
member-remove-confirm = Иә, шығару
link-revoke-question = Бұл сілтемені кері қайтарасыз ба? Оны ұстаған адам енді қолдана алмайды.
link-revoke-confirm = Иә, кері қайтару
link-qr-label = Сілтеменің QR коды
link-qr-hint = Сілтемені қолма-қол беру үшін осы кодты телефон камерасымен сканерлетіңіз.
back-to-manage = Кеңесті басқаруға оралу

# trustee file
el-keep-file = Бұл файлды қауіпсіз жерде, мүмкін болса осы компьютерден тыс сақтаңыз: нәтижені ашу үшін ол керек. Бет жаңарақ файл ұсынса, соны сақтаңыз: онда бұрынғының бәрі бар.
el-js-no-file = Алдымен кілт сақтаушы файлыңызды таңдаңыз.
el-js-older-file = Бұл файл соңғы қадамыңызға дейін жасалған: онда кілтіңіз бар, бірақ ашу кілті жоқ. Соңғы қадамнан кейін бет ұсынған жаңа файлды таңдаңыз.
el-js-not-trustee-file = Бұл kenes кілт сақтаушы файлы емес. Бет осы сайлау үшін ұсынған .json файлын таңдаңыз.
el-js-wrong-election = Бұл кілт сақтаушы файлы басқа сайлауға тиесілі.
el-js-wrong-trustee = Бұл файл осы сайлаудың басқа кілт сақтаушысына тиесілі.
el-js-key-mismatch = Бұл файлдағы кілттер осы сайлауға сәйкес келмейді. Осы сайлау үшін сақтаған файлды таңдап, қайталап көріңіз.

# booth errors
el-js-credential-form = Дауыс беру коды бес не алты таңбадан тұратын төрт топтан тұрады, XXXXX-XXXXXX-XXXXX-XXXXXX, ал бұрынғы сайлауларда үш таңбадан тұратын бес топтан: XXX-XXX-XXX-XXX-XXX.
el-js-credential-checksum = Кодта қате терілген таңба бар: әр таңбаны парақпен не сілтемемен салыстырыңыз.
el-js-credential-characters = Кодта кодтарда қолданылмайтын таңба бар (0, O, I не l): оны парақпен не сілтемемен салыстырыңыз.
el-js-answer-count = { $question }-сұрақ: { $min } мен { $max } аралығында жауап белгілеңіз (белгіленгені: { $count }).

# record
record-event-meta = { $height }-оқиға, { $time }
record-as-recorded = Жазылғандай:
council-your-role-is = рөліңіз: { $role }

# event sentences
ev-council-created = { $kind ->
    [workplace] { $founder } «{ $name }» атты еңбек ұжымының кеңесін құрды.
    [neighbourhood] { $founder } «{ $name }» атты тұрғындар кеңесін құрды.
    [union] { $founder } «{ $name }» атты кәсіподақты құрды.
    [cooperative] { $founder } «{ $name }» атты кооперативті құрды.
    [federation] { $founder } «{ $name }» атты кеңестер федерациясын құрды.
    [assembly] { $founder } «{ $name }» атты жиналысты құрды.
   *[other] { $founder } «{ $name }» кеңесін құрды ({ $kind }).
}
ev-member-added = { $via ->
    [invitation] { $role ->
        [member] { $name } кеңеске мүше ретінде қосылды (шақырған: { $by }).
        [chair] { $name } кеңеске төраға ретінде қосылды (шақырған: { $by }).
        [secretary] { $name } кеңеске хатшы ретінде қосылды (шақырған: { $by }).
        [observer] { $name } кеңеске бақылаушы ретінде қосылды (шақырған: { $by }).
       *[other] { $name } кеңеске «{ $role }» рөлімен қосылды (шақырған: { $by }).
    }
   *[other] { $role ->
        [member] { $name } кеңеске мүше ретінде қосылды (қосқан: { $by }).
        [chair] { $name } кеңеске төраға ретінде қосылды (қосқан: { $by }).
        [secretary] { $name } кеңеске хатшы ретінде қосылды (қосқан: { $by }).
        [observer] { $name } кеңеске бақылаушы ретінде қосылды (қосқан: { $by }).
       *[other] { $name } кеңеске «{ $role }» рөлімен қосылды (қосқан: { $by }).
    }
}
ev-members-imported = { $by } мүшелер тізімін импорттады.
ev-member-role-changed = { $role ->
    [member] { $by } рөлді өзгертті: { $member } енді қатардағы мүше.
    [chair] { $by } рөлді өзгертті: { $member } енді төраға.
    [secretary] { $by } рөлді өзгертті: { $member } енді хатшы.
    [observer] { $by } рөлді өзгертті: { $member } енді бақылаушы.
   *[other] { $by } рөлді өзгертті: { $member } енді «{ $role }».
}
ev-member-removed = { $member } кеңестен шығарылды (шығарған: { $by }).
ev-member-renamed = { $by } мүшенің көрсетілетін атын «{ $name }» деп өзгертті.
ev-council-updated = { $by } «{ $name }» кеңесінің баптауларын өзгертті.
ev-assembly-convened = { $by } «{ $title }» отырысын шақырды: { $starts }, { $place }.
ev-assembly-opened = { $by } { $assembly }-отырысты ашты.
ev-assembly-closed = { $by } { $assembly }-отырысты жапты.
ev-attendance-checked-in = { $member } { $assembly }-отырысқа тіркелді (белгілеген: { $by }).
ev-attendance-checked-out = { $member } { $assembly }-отырыстан кетті (белгілеген: { $by }).
ev-agenda-item-added = { $minutes ->
    [0] { $by } { $assembly }-отырыстың күн тәртібіне «{ $title }» тармағын қосты.
   *[other] { $by } { $assembly }-отырыстың күн тәртібіне «{ $title }» тармағын қосты, жоспарланған уақыты — { $minutes } минут.
}
ev-agenda-item-taken = { $by } { $assembly }-отырыста күн тәртібінің тармағын қарауға алды.
ev-motion-submitted = { $by } { $assembly }-отырыста «{ $title }» ұсынысын енгізді.
ev-motion-seconded = { $by } { $assembly }-отырыста { $motion }-ұсынысты қолдады.
ev-motion-admitted = { $by } { $assembly }-отырыста { $motion }-ұсынысты қарауға алды.
ev-motion-debated = { $by } { $assembly }-отырыста { $motion }-ұсыныс бойынша талқылауды ашты.
ev-motion-withdrawn = { $by } { $assembly }-отырыста { $motion }-ұсынысты кері алды.
ev-motion-referred = { $by } { $assembly }-отырыста { $motion }-ұсынысты пысықтауға жіберді.
ev-amendment-submitted = { $by } { $assembly }-отырыста { $motion }-ұсыныстың { $from_line }–{ $to_line } жолдарына түзету ұсынды.
ev-amendment-seconded = { $by } { $assembly }-отырыста { $amendment }-түзетуді қолдады.
ev-amendment-withdrawn = { $by } { $assembly }-отырыста { $amendment }-түзетуді кері алды.
ev-speaker-requested = { $kind ->
    [for] { $member } { $assembly }-отырыста ұсынысты жақтап сөз сұрады (жазған: { $by }).
    [against] { $member } { $assembly }-отырыста ұсынысқа қарсы сөз сұрады (жазған: { $by }).
    [point_of_order] { $member } { $assembly }-отырыста регламент бойынша сөз сұрады (жазған: { $by }).
   *[other] { $member } { $assembly }-отырыста сөз сұрады (жазған: { $by }).
}
ev-speaker-withdrawn = { $member } { $assembly }-отырыста сөз кезегінен шықты (белгілеген: { $by }).
ev-speaker-moved = { $position ->
    [0] { $member } { $assembly }-отырыста сөз кезегінің басына жылжытылды (жылжытқан: { $by }).
   *[other] { $member } { $assembly }-отырыста сөз кезегінде { $position } сөйлеушіден кейінгі орынға жылжытылды (жылжытқан: { $by }).
}
ev-speaker-floor-given = { $by } { $assembly }-отырыста келесі сөйлеушіге сөз берді.
ev-speaker-speech-ended = { $by } { $assembly }-отырыста сөйлеп тұрған адамның сөзін аяқтады.
ev-vote-opened = { $mode ->
    [roll_call] { $by } { $assembly }-отырыста «{ $question }» мәселесі бойынша атаулы дауыс беруді ашты.
    [tellers] { $by } { $assembly }-отырыста «{ $question }» мәселесі бойынша санақ комиссиясы санайтын дауыс беруді ашты.
   *[other] { $by } { $assembly }-отырыста «{ $question }» мәселесі бойынша дауыс беруді ашты.
}
ev-vote-cast = { $choice ->
    [yes] { $by } { $assembly }-отырыстағы { $vote }-дауыс беруде жақтап дауыс берді.
    [no] { $by } { $assembly }-отырыстағы { $vote }-дауыс беруде қарсы дауыс берді.
    [abstain] { $by } { $assembly }-отырыстағы { $vote }-дауыс беруде қалыс қалды.
   *[other] { $by } { $assembly }-отырыстағы { $vote }-дауыс беруде «{ $choice }» деп дауыс берді.
}
ev-vote-ranked = { $by } { $assembly }-отырыстағы { $vote }-дауыс беруде нұсқаларды реттеп бюллетень тапсырды.
ev-vote-counted = { $by } { $assembly }-отырыстағы { $vote }-дауыс берудің санақ қорытындысын енгізді: жақтап — { $yes }, қарсы — { $no }, қалыс қалғандар — { $abstain }.
ev-vote-closed = { $by } { $assembly }-отырыстағы { $vote }-дауыс беруді аяқтады.
ev-minutes-annotated = { $by } { $assembly }-отырыстың хаттамасына жазба қосты.
ev-election-announced = { $by } «{ $title }» сайлауы өтетінін хабарлады.
ev-election-opened = { $by } { $election }-сайлауда дауыс беруді ашты, сайлаушылар саны — { $voters }.
ev-election-closed = { $by } { $election }-сайлауда дауыс беруді жапты: { $ballots } бюллетень есептеледі.
ev-election-tallied = { $by } { $election }-сайлау нәтижесінің шифрын ашуды аяқтады.
ev-election-published = { $by } { $election }-сайлауды жариялады: енді оны кез келген адам көріп, тексере алады.
# projector
pj-time-left = Қалған уақыт
pj-time-nearly-up = Уақыт бітуге жақын
pj-time-up = Уақыт бітті
pj-next = Келесі сөйлейтіндер
pj-voted = Дауыс бергендер: { $voted } / { $eligible }
pj-voted-progress = Дауыс берген мүшелер
pj-not-voted = Әлі дауыс бермегендер: { $names }
pj-more-amendments = Кезекте тұрған түзетулер: { $count }
pj-deleted = алынып тасталды
pj-inserted = қосылды
# charts
chart-yes = Иә
chart-no = Жоқ
chart-abstained = Қалыс қалды
chart-yes-no-title = { $outcome }. Иә { $yes }, жоқ { $no }, қалыс қалды { $abstain }; үзік сызық қажет болған { $needed } «иә» дауысын көрсетеді ({ $rule }).
chart-needed-line = { $needed } қажет
chart-elected-mark = сайланды
chart-excluded-mark = шығарылды
chart-most-votes-mark = ең көп дауыс
chart-options-title = { $result }. Дауыстар: { $counts }.
chart-schulze-title = { $result }. Әр нұсқа жеңетін нұсқалар саны: { $counts }.
chart-schulze-note = Әр жолақ: бұл нұсқа ең күшті жол бойынша басқа неше нұсқаны жеңеді
chart-stages-title = { $result }. Санау { $stages } кезеңнен тұрды, әр кезең бөлек көрсетілген; барлық қорытынды кестеде.
chart-stage-first = { $number }-кезең: бірінші таңдаулар
chart-stage-surplus = { $number }-кезең: { $name } артық дауыстары беріледі
chart-stage-exclusion = { $number }-кезең: { $names } шығарылды, дауыстары берілді
chart-stage-remaining = { $number }-кезең: қалған орындар толтырылды
chart-stage-tally = { $number }-кезең
chart-quota = квота { $quota }
chart-answers-title = { $question }: { $counts }. Ең көп дауыс: { $names }.
mt-close-vote-question = Дауыс беруді жабасыз ба? Қорытынды қазір есептеледі; одан кейін дауыс беруге болмайды.
mt-close-vote-confirm = Иә, дауыс беруді жабу
el-close-question = Дауыс беруді жабасыз ба? Одан кейін бюллетень қабылданбайды; содан соң кілт сақтаушылар нәтижені ашады.
el-close-confirm = Иә, дауыс беруді жабу

# Voting codes made before voting opens, and re-issued
el-error-roll-fixed = Дауыс беру ашылды, сайлаушылар тізімі бекітілді: Belenios 2.0 енді дауыс беру кодын ауыстыруға мүмкіндік бермейді.
el-error-roll-not-server = Бұл сайлаудың дауыс беру кодтарын сервер жасамайды: оларды зал режиміндегі парақтар немесе кодтарға жауапты мүше жасайды.
el-error-no-credential-to-reissue = Бұл мүшенің ауыстыратын дауыс беру коды жоқ. Алдымен кодтарды жасаңыз.
el-codes = Дауыс беру кодтары
el-codes-help = Дауыс беру кодтары дауыс беру ашылғанда жасалады. Оларды қазір жасасаңыз, мүшелер өз кодтарын алдын ала ала алады; дауыс беру ашылғанға дейін кодын жоғалтқан мүшеге жаңасын бере аласыз.
el-make-codes = Кодтарды қазір жасау
el-codes-made = Жасалған кодтар: { $count }. Алынғаны: { $collected }.
el-codes-members = Кім өз кодын алды
el-codes-waiting = әлі алынған жоқ
el-codes-collected = алынды
el-reissue = Жаңа код: { $name }
el-reissue-question = { $name } жаңа код алады, ал қолындағы код ешқашан дауыс бере алмайды.
el-reissue-confirm = Жаңа код беру
el-make-codes-again = Барлық кодтарды қайта жасау
el-make-codes-again-question = Осы уақытқа дейін жасалған барлық кодтар, алынған не алынбаған, енді дауыс бере алмайды; қазір дауыс бере алатын әр мүше жаңа код алады.
el-make-codes-again-confirm = Қайта жасау
el-credential-early = Дауыс беру кодыңыз дайын. Оны қазір алып, сақтаңыз: дауыс беру ашылғанда онымен дауыс бересіз.
el-credential-keep = Оны сақтаңыз: дауыс беру ашылғанда онымен дауыс бересіз. Оған дейін жоғалтсаңыз, төрағадан немесе хатшыдан жаңасын сұраңыз.
now-credential-early = «{ $election }» сайлауына арналған дауыс беру кодыңыз дайын

# A council's colour
settings-colour = Кеңес беттеріндегі түс
colour-none = Түссіз
colour-red = Қызыл
colour-orange = Қызғылт сары
colour-amber = Сарғылт
colour-green = Жасыл
colour-teal = Көгілдір-жасыл
colour-blue = Көк
colour-indigo = Индиго
colour-purple = Күлгін
colour-pink = Қызғылт
colour-grey = Сұр
error-colour = Белгісіз түс: ұсынылған түстердің бірін таңдаңыз.

# Nodes, sync and copies of the record
nodes-title = Түйіндер
nodes-fork = Тармақталу анықталды: { $council }… кеңесінің негізгі түйіні { $height } нөмірінде екі түрлі оқиғаға қол қойған (мұны { $from } көрсетті). Екеуі де дәлел ретінде сақталады; біреу шешім қабылдағанша бұл түйін сол кеңесті бұдан былай қадағаламайды және әрі қарай жібермейді.
nodes-card = Осы түйіннің карточкасы
nodes-card-help = Бұл карточканы осы түйінге өз журналының көшірмесін сақтауға рұқсат беруі тиіс кеңестің хатшысына беріңіз. Бергенде түйін кілтін дауыстап оқыңыз, сонда екінші жақ салыстыра алады.
nodes-key = Түйін кілті:
nodes-peers = Байланысқан түйіндер
nodes-no-peers = Әзірге байланысқан түйін жоқ. Бір-біріңіздің журналдарыңызды сақтау үшін жергілікті желідегі немесе интернеттегі түйінді қосыңыз.
nodes-peer-failed = Соңғы синхрондау сәтсіз болды: { $error }
nodes-peer-synced = Соңғы синхрондау: { $time }
nodes-peer-new = Әлі синхрондалмаған
nodes-remove = { $url } мекенжайымен синхрондауды тоқтату
nodes-remove-question = Бұл түйін енді одан ештеңе алмайды. Бұрын алынғаны сақталып қалады.
nodes-remove-confirm = Синхрондауды тоқтату
nodes-sync-now = Қазір синхрондау
nodes-add = Байланысқан түйін қосу
nodes-add-url = Оның мекенжайы
nodes-add-key = Оның түйін кілті, иесі сізге оқып бергендей
nodes-add-key-help = Кемінде алғашқы 16 таңба. Кілті сәйкес келмейтін түйінмен ештеңе синхрондалмайды.
nodes-add-submit = Кілтті тексеріп, қосу
nodes-stick = USB флешка
nodes-stick-help = Интернет өшірілген жерде журналдарды USB флешкамен тасымалдаңыз: мұндағы кеңестер жіберуге рұқсат еткен деректер әр кеңес таңдаған түйіндерге арнап шифрланып флешкаға жазылады, ал флешкадағы осы түйінге арналған деректер келген кезде тексеріліп импортталады.
nodes-stick-dir = Флешкадағы қалта (осы компьютер оны қалай көреді, солай)
nodes-stick-submit = Флешкамен синхрондау
nodes-error-url = Түйін мекенжайы http:// немесе https:// деп басталады.
nodes-error-key = Ол мекенжайдағы түйіннің кілті — { $key }, сіз терген кілт емес. Ештеңе қосылмады: мекенжайды тексеріңіз, ал кілтті иесімен салыстырыңыз.
nodes-error-self = Бұл мекенжай — осы түйіннің өзі.
nodes-added = { $url } қосылды (түйін кілті { $key }). Алғашқы синхрондау қазір басталады.
nodes-syncing = Барлық байланысқан түйіндермен синхрондау басталды. Нәтижесін көру үшін сәлден кейін бетті қайта жүктеңіз.
nodes-stick-missing = Бұл компьютерде { $dir } қалтасы жоқ. Флешканы қосып, ондағы қалтаның толық жолын көрсетіңіз.
nodes-stick-done = Дайын: флешкадан жаңартылған кеңестер — { $imported } (жаңа оқиғалар: { $events }), флешкаға жазылғаны — { $written }, басқа түйіндерге қалдырылған файлдар — { $skipped }.
copies-title = Журнал көшірмелері
copies-help = Журналда мүшелердің аттары бар. Көшірмені тек осында таңдалған түйіндер алады (осы кеңестің өз түйінінен бөлек); әрқайсысы оны жаңартып отырады және тек басқа таңдалған түйіндерге ғана бере алады.
copies-cards = Көшірме сақтай алатын түйіндер: олардың карточкалары, әр жолда біреуден
copies-cards-hint = Карточка kenes-node: деп басталады және әр түйіннің «Түйіндер» бетінде көрсетіледі.
copies-public = Көшірмені кез келген адам сақтай алады (ашық кеңес)
copies-submit = Көшірмелер таңдауын сақтау
error-too-many-holders = Көшірмелерді ең көбі 64 түрлі түйін сақтай алады.
error-node-card = Түйін карточкасы жарамсыз: ол kenes-node:, 64 таңбалы түйін кілті, қос нүкте және age1 деп басталатын age кілтінен тұрады.

# The record as sentences: copies
ev-council-copies = { $by } журнал көшірмесін қай түйіндер сақтай алатынын таңдады.

# Copies on the council's page
copies-fork = Назар аударыңыз: бұл кеңес журналы жүргізілетін түйін { $height } жазбасында екі түрлі тарихқа қол қойды ({ $from } арқылы байқалды). Бұл түйін екеуін де дәлел ретінде сақтайды және біреу шешкенше ешқайсысын ұстанбайды.
copies-vouched = Бұл журналды { $height } жазбасына дейін тексерген басқа түйіндер: { $count }.

# kenes itself, for a neighbour (spread.rs)
footer-get-kenes = kenes-ті осы түйіннен алу
spread-title = kenes-ті осы түйіннен алу
spread-intro = Бұл түйін өзі жұмыс істеп тұрған бағдарламаның дәл өзін ұсынады, сондықтан осы желідегі ноутбук kenes-ті интернетсіз ала алады. Іске қоспас бұрын оның SHA-256 мәнін өзіңіз сенетін көшірмемен салыстырыңыз: kenes-ті басқа жерден алған адаммен бірге дауыстап оқыңыз.
spread-file = Файл
spread-size = Көлемі
spread-megabytes = { $mb } МБ
spread-platform = Жүйе
spread-download = kenes-ті жүктеп алу
spread-check = Тексеріп, содан кейін іске қосыңыз
spread-check-help = Екінші ноутбуктың терминалында:
spread-compare = sha256sum шығарған жол жоғарыдағы SHA-256-мен де, сенімді көшірме көрсететінмен де бірдей болуы керек (әр түйін өзінікін осы бетте көрсетеді). Айырмашылық болса, іске қоспаңыз.

# Nodes on this network (sync/nearby.rs)
nodes-nearby = Осы желідегі түйіндер
nodes-nearby-off = Өшірулі: бұл түйін өзі туралы хабарламайды және басқаларды іздемейді. Тек өзіңіз сенетін желіде қосыңыз: ондағылардың бәрі мұнда kenes түйіні бар екенін көреді.
nodes-nearby-start = Осы түйінді жариялап, басқаларды іздеу
nodes-nearby-on = Бұл түйін осы желіде өзі туралы хабарлап, естіген түйіндерді көрсетеді. Оны қоспайынша, ешбір түйінмен синхрондау болмайды.
nodes-nearby-none = Әзірге басқа түйін табылмады. Олар жауап берген сайын осында шығады; сәлден соң бетті жаңартыңыз.
nodes-nearby-add = { $url } қосу
nodes-nearby-compare = Сол түйіннің «Түйіндер» бетін ашып (немесе қасындағы адамнан сұрап), оның кілтін мынамен салыстырыңыз: { $key }. Барлық топ бірдей болса ғана қосыңыз.
nodes-nearby-same = Кілттер бірдей: қосу
nodes-nearby-stop = Жариялауды және іздеуді тоқтату
nodes-nearby-failed = Жергілікті желіні пайдалану мүмкін болмады: { $error }

# Federations: the record's sentences, refusals (federation/)
ev-federation-joined = { $by } бұл кеңестің «{ $name }» федерациясына кіргенін тіркеді.
ev-recall-rule-set = { $by } кері шақыру шегін белгіледі: делегатты кері шақыру туралы петицияға дауыс беру құқығы бар мүшелердің { $percent } %-ының қолы қажет.
ev-mandate-given = { $by } { $delegate } делегатының федерациядағы { $seat }-орынға мандатын тіркеді.
ev-recall-signed = { $by } { $mandate }-мандатты кері шақыру туралы петицияға қол қойды.
ev-recall-withdrawn = { $by } { $mandate }-мандатты кері шақыру туралы петициядағы қолын қайтарып алды.
ev-mandate-recalled = { $by } кеңестің { $mandate }-мандатты кері шақырғанын тіркеді.
ev-mandate-ended = { $by } { $mandate }-мандаттың аяқталғанын тіркеді.
ev-mandate-instructed = { $instruction ->
    [for] { $by } федерацияның { $assembly }-отырысындағы { $motion }-ұсыныс бойынша кеңестің нұсқауын тіркеді: жақтап дауыс беру.
    [against] { $by } федерацияның { $assembly }-отырысындағы { $motion }-ұсыныс бойынша кеңестің нұсқауын тіркеді: қарсы дауыс беру.
    [abstain] { $by } федерацияның { $assembly }-отырысындағы { $motion }-ұсыныс бойынша кеңестің нұсқауын тіркеді: қалыс қалу.
   *[free] { $by } делегаттың федерацияның { $assembly }-отырысындағы { $motion }-ұсыныс бойынша еркін дауыс беретінін тіркеді.
}
ev-federation-seats-set = { $seats ->
    [0] { $by } { $name } кеңесін федерацияның мүше кеңестері қатарынан шығарды.
    [one] { $by } { $name } кеңесіне федерацияда { $seats } орын берді, оның дауысының салмағы — { $weight }.
   *[other] { $by } { $name } кеңесіне федерацияда { $seats } орын берді, әр дауыстың салмағы — { $weight }.
}
ev-delegate-seated = { $by } { $name } делегатына өз кеңесінің { $mandate }-мандаты бойынша { $seat }-орынды берді.
ev-delegate-unseated = { $reason ->
    [recalled] { $by } { $member } делегатын орнынан босатты: оны кеңесі кері шақырды.
   *[ended] { $by } { $member } делегатын орнынан босатты: оның мандаты аяқталды.
}

# The federations page (federations/pages.rs)
fd-title = Федерациялар және делегаттар
fd-memberships = Осы кеңес кіретін федерациялар
fd-memberships-none = Бұл кеңес әлі ешбір федерацияға кірмеген.
fd-join = Федерацияға кіру
fd-join-help = Федерация хатшысынан оның идентификаторын сұраңыз (64 таңба, федерацияның өз бетінде көрсетілген), содан кейін осы кеңестің оған кіргенін осында тіркеңіз.
fd-federation-id = Федерацияның идентификаторы
fd-federation-name = Федерацияның атауы
fd-join-submit = Кіргенімізді тіркеу
fd-mandates = Делегаттар және олардың мандаттары
fd-mandates-none = Әзірге ешбір мандат берілмеген.
fd-mandate-line = { $mandate }-мандат: { $delegate }, «{ $federation }» федерациясындағы { $seat }-орын
fd-active = Күшінде
fd-recalled = Кері шақырылды
fd-ended = Аяқталды
fd-petition = Кері шақыру туралы петиция: жиналған қолдар — { $signatures }, қажет — { $needed }
fd-sign = { $delegate } делегатын кері шақыру туралы петицияға қол қою
fd-withdraw = Қолымды қайтарып алу
fd-instructed = Федерацияның { $assembly }-отырысындағы { $motion }-ұсыныс бойынша нұсқау: { $instruction ->
    [for] жақтап дауыс беру
    [against] қарсы дауыс беру
    [abstain] қалыс қалу
   *[free] еркін дауыс беру
}
fd-instruction-for = Жақтап дауыс беру
fd-instruction-against = Қарсы дауыс беру
fd-instruction-abstain = Қалыс қалу
fd-instruction-free = Еркін дауыс беру
fd-give = Мандат беру
fd-give-help = Мандат кеңес қабылдаған шешімді орындайды: шешім қабылданған дауыс беру, делегат сайланған кандидаттар арасындағы дауыс беру немесе қорытындысы шығарылған сайлау.
fd-federation = Федерация
fd-seat = Орын
fd-delegate = Делегат
fd-decision = Шешім
fd-no-decision = Әзірге орындайтын шешім жоқ: алдымен отырыста дауыс беруді өткізіңіз.
fd-not-a-number = { $what } өрісіне бүтін сан енгізіңіз.
fd-instructions = Нұсқаулар (міндетті емес)
fd-give-submit = Мандатты тіркеу
fd-recall = { $delegate } делегатын кері шақыру
fd-recall-help = Петиция қажетті қолдарды жинады. Кері шақыруды отырыста «иә/жоқ» дауыс беруге салыңыз, содан кейін сол дауыс беруді осында тіркеңіз.
fd-recall-submit = Кері шақыруды тіркеу
fd-end = { $mandate }-мандатты аяқтау
fd-end-question = Мерзімі біткендіктен немесе делегат қызметтен кететіндіктен, бұл мандатты қазір аяқтайсыз ба?
fd-end-submit = Мандатты аяқтау
fd-instruct = Делегатқа нұсқау беру
fd-instruct-help = Кеңес федерация ұсынысы бойынша өз делегатының қалай дауыс беруі керектігін дауысқа салып шешкен соң, оны осында тіркеңіз.
fd-meeting = Федерациядағы отырыс нөмірі
fd-motion = Ұсыныс нөмірі
fd-instruction = Нұсқау
fd-instruct-submit = Нұсқауды тіркеу
fd-rule = Кері шақыру шегі
fd-rule-help = Кері шақыруды дауысқа салу үшін дауыс беру құқығы бар мүшелердің қандай үлесінің қолы қажет. Қазір: { $percent } %.
fd-percent = Пайыз
fd-rule-submit = Шекті белгілеу
fd-id = Осы федерацияның идентификаторы, оны мүше кеңестерге беріңіз:
fd-members = Мүше кеңестер
fd-members-none = Тізімде әзірге мүше кеңес жоқ.
fd-member-line = { $seats ->
    [one] { $name }: { $seats } орын, оның дауысының салмағы — { $weight }
   *[other] { $name }: { $seats } орын, әр дауыстың салмағы — { $weight }
}
fd-list = Мүше кеңесті тізімге енгізу немесе оның орын санын өзгерту
fd-council-id = Мүше кеңестің идентификаторы
fd-council-name = Оның атауы
fd-seats = Орын саны
fd-weight = Әр орын дауысының салмағы
fd-list-submit = Сақтау
fd-seated = Орын берілген делегаттар
fd-seated-none = Әзірге ешкімге орын берілмеген.
fd-seated-line = { $name } ({ $council }, { $seat }-орын), дауысының салмағы — { $weight }
fd-check-checked = { $council } кеңесінің журналымен салыстырылып тексерілді.
fd-check-unchecked = Әлі тексерілмеді: { $council } кеңесінің журналы бұл түйінде жоқ.
fd-check-wrong = Расталмайды: { $why }
fd-pending = Орын күтіп тұрған мандаттар
fd-pending-line = { $delegate }, { $council }, { $seat }-орын ({ $mandate }-мандат)
fd-seat-submit = { $delegate } делегатына орын беру
fd-ended-list = Аяқталған мандаттар
fd-unseat-submit = { $name } делегатын орнынан босату
fd-past = Орнын босатқан делегаттар
fd-past-line = { $reason ->
    [recalled] { $name } ({ $council }): кеңесі кері шақырды
   *[ended] { $name } ({ $council }): мандаты аяқталды
}
fd-after-end = Мандат аяқталғаннан кейін берілген дауыстар (сақталып, белгіленген): { $votes }
fd-vote-ref = { $assembly }-отырыс, { $vote }-дауыс беру
fd-voted = { $voted ->
    [yes] { $delegate } нұсқау рұқсат еткендей «қолдаймын» деп дауыс берді.
    [no] { $delegate } нұсқау рұқсат еткендей «қарсымын» деп дауыс берді.
   *[abstain] { $delegate } нұсқау рұқсат еткендей қалыс қалды.
}
fd-voted-against = { $voted ->
    [yes] { $delegate } кеңестің нұсқауына қарсы «қолдаймын» деп дауыс берді. Мүшелер төменде кері шақыру петициясына қол қоя алады.
    [no] { $delegate } кеңестің нұсқауына қарсы «қарсымын» деп дауыс берді. Мүшелер төменде кері шақыру петициясына қол қоя алады.
   *[abstain] { $delegate } кеңестің нұсқауына қарсы қалыс қалды. Мүшелер төменде кері шақыру петициясына қол қоя алады.
}

# A delegate's instructions on the meeting page (meetings/page.rs)
fd-your-instructions = «{ $council }» кеңесінің сізге берген нұсқауы
fd-your-instruction = { $motion }-ұсыныс «{ $title }»: { $instruction ->
    [for] «қолдаймын» деп дауыс беру
    [against] «қарсымын» деп дауыс беру
    [abstain] қалыс қалу
   *[free] өз қалауыңызша дауыс беру
}

# Decisions that come down from a federation (motion.received)
ev-motion-received = { $by } федерацияның «{ $title }» шешімін тіркеді.

# Motions that travel (federations/pages.rs)
fd-forward = Кеңесіңіз қабылдаған ұсынысты енгізу
fd-forward-help = Ол федерация отырысында қазір қаралып жатқан күн тәртібі тармағына шығу тегімен бірге енеді: кеңесіңіздің журналы бар кез келген адам оның дәл осылай қабылданғанын тексере алады.
fd-forward-submit = «{ $title }» енгізу
fd-no-open-meeting = Федерацияда күн тәртібі тармағы қаралып жатқан отырыс жоқ.
fd-decisions = Федерация шешімдері
fd-decisions-help = Федерация қабылдаған ұсыныстар. Шешімді осында тіркесеңіз, ол шыққан жерімен бірге осы кеңестің журналына енеді.
fd-receive-submit = «{ $title }» осында тіркеу
fd-received = Осында тіркелген федерация шешімдері
fd-origin = алдымен «{ $council }» қабылдаған

# Offices held for a term (councils/offices.rs)
office-title = Лауазымдар
office-line = { $name }: { $office }, { $until } дейін
office-ends-soon = (мерзімі жақында бітеді)
office-give = Лауазымдар және олардың мерзімі
office-give-help = Мүшені белгілі бір күнге дейін лауазымға тағайындаңыз (қазынашы, төраға, хаттама жүргізуші…). Кеңес бетінде кімнің қай лауазымда қашанға дейін екені көрсетіледі.
office-member = Мүше
office-name = Лауазым
office-name-example = Қазынашы
office-until = Дейін (сол күннің соңы, UTC)
office-give-submit = Лауазымға тағайындау
office-end = Бұл мерзімді қазір тоқтату
office-end-question = Мерзімді мерзімінен бұрын тоқтату керек пе (отставка немесе кеңес шешімі)?
office-end-submit = Мерзімді тоқтату
office-bad-date = Мерзімнің соңын күнмен көрсетіңіз (жыл-ай-күн).
ev-office-term-given = { $by } { $member } мүшесін «{ $office }» лауазымына мерзімге тағайындады.
ev-office-term-ended = { $by } { $term }-лауазым мерзімін мерзімінен бұрын тоқтатты.

# Federations: sizes, terms, refusals
fd-by-size = Мүше санына қарай салмақ: { $date } жағдай бойынша өкілдік етілген мүшелер саны — { $members }.
fd-weigh-help = Әр мүше кеңестің орындарына оның мүше санына қарай салмақ беріңіз: онда дауыс бере алатын мүшелер саны (федерация үшін — оның орын берілген делегаттарының салмағы) оның орындарына бөлінеді. Мүше саны сол кеңестің осы түйіндегі журналынан алынып, сілтемемен көрсетіледі, сондықтан оны кез келген адам тексере алады.
fd-weigh-submit = Орындардың салмағын мүше санына қарай қазір белгілеу
fd-not-held = Салмағы белгіленбеді, өйткені олардың журналдары бұл түйінде жоқ: { $councils }. Олардың салмақтары бұрынғыдай қалады.
fd-until = { $date } дейін.
fd-term-over = Оның мерзімі { $date } күні аяқталды: бұл мандатты аяқтап, жаңасын беріңіз.
fd-until-label = Дейін (міндетті емес: мерзімнің соңы)
fr-bad-id = { $id } кеңес идентификаторы емес (кіші әріппен жазылған 64 он алтылық цифр).
fr-itself = Кеңес өзіне-өзі федерация немесе мүше бола алмайды.
fr-already-joined = Бұл кеңес ол федерацияға кіріп қойған.
fr-not-joined = Бұл кеңес ол федерацияға кірмеген.
fr-bad-percent = Кері шақыру шегі 1 мен 100 пайыз аралығында болуы керек, { $percent } емес.
fr-seat-taken = { $seat }-орын { $mandate }-мандатқа берілген.
fr-no-seat = Орындар 1-ден бастап нөмірленеді.
fr-no-mandate = { $mandate }-мандат жоқ.
fr-mandate-ended = { $mandate }-мандат аяқталған.
fr-already-signed = Сіз бұл петицияға қол қойып қойғансыз.
fr-not-signed = Сіз бұл петицияға қол қоймағансыз.
fr-threshold = Петициядағы қолдар — { $signatures }; кері шақыруды дауысқа салу үшін { $needed } қол қажет.
fr-vote-before-petition = Ол дауыс беру петиция шегіне жеткенге дейін ашылған: кері шақыруды жаңа дауыс беруге салыңыз.
fr-no-vote = { $meeting }-отырыста { $vote }-дауыс беру жоқ.
fr-vote-open = { $meeting }-отырыстағы { $vote }-дауыс беру әлі жабылмаған.
fr-not-passed = { $meeting }-отырыстағы { $vote }-дауыс беруде шешім қабылданбады.
fr-not-elected = { $meeting }-отырыстағы { $vote }-дауыс беруде { $name } сайланбады.
fr-not-yes-no = Мұнда «иә/жоқ» дауыс беру қажет, ал { $meeting }-отырыстағы { $vote }-дауыс беруде нұсқалар арасынан таңдалды.
fr-not-tallied = { $election } сайлауының қорытындысы әлі шығарылмаған.
fr-decision-used = Бұл шешім басқа әрекетпен орындалып қойған.
fr-not-a-federation = Мүше кеңестерді тізімге енгізіп, делегаттарға орын бере алатын тек федерация.
fr-not-listed = Ол кеңес бұл федерацияның мүшесі емес.
fr-seats-occupied = Кеңестің бос емес орындары — { $occupied }; оның орындары бұдан аз бола алмайды.
fr-bad-weight = Орынның салмағы 1 мен 1 000 000 аралығында болуы керек, { $weight } емес.
fr-not-by-size = Мүше санына қарай (мүшелер — { $members }, орындар — { $seats }) әр орынның салмағы { $expected } болады, { $weight } емес.
fr-beyond-seats = { $seat }-орын жоқ: кеңестің орындары — { $seats }.
fr-mandate-used = Ол кеңестің { $mandate }-мандаты бойынша орын беріліп қойған.
fr-citation-council = Сілтеме бұл орын тиесілі кеңеске емес, басқа кеңеске жасалған.
fr-not-seated = Ол мүшеге орын берілмеген.
fr-not-the-delegate = Мандатты тек делегаттың өзі, төраға немесе хатшы аяқтай алады.
fr-not-your-council = Делегат тек өз кеңесі қабылдаған ұсыныстарды енгізеді.
fr-already-received = Федерацияның бұл шешімі осында тіркеліп қойған.
fr-citation-wrong = Сілтеме осы түйіндегі журналмен расталмайды: { $why }
fr-term-ends-before = Мерзім басталғаннан кейін аяқталуы керек.
fr-no-term = { $term }-лауазым мерзімі жоқ.
fr-term-ended = { $term }-лауазым мерзімі аяқталған.

# Ranked secret ballots
el-kind = Сайлаушылар қалай жауап береді
el-kind-mark = Жауаптарды белгілейді
el-kind-irv = Ретімен қояды: лезде өтетін екінші тур (бір жеңімпаз)
el-kind-stv = Ретімен қояды: бірыңғай ауыспалы дауыс (бірнеше орын)
el-kind-schulze = Ретімен қояды: Шульце әдісі (Кондорсе)
el-kind-borda = Ретімен қояды: Борда әдісі
el-kind-mj = Мажоритарлық бағалау
el-seats = Орын саны (бірыңғай ауыспалы дауыс)
el-kind-help = Нұсқалар ретімен қойылған бюллетень құпия қалады: кілт сақтаушылар бюллетеньдердің шифрын ашар алдында оларды араластырады, сондықтан әр реттеу кімдікі екенін ешкім білмей есептеледі. Бұл жағдайда әр сайлаушы бір рет есептеледі.
el-error-ranked-weights = Ретімен қойылатын сұрақ әр бюллетеньді бір рет есептейді: салмақтары бар сайлаушылар тізімінде мұндай сұрақ болмайды.
el-js-rank-none = { $question }-сұрақ: бірінші таңдауыңызға 1-орынды беріңіз.
el-js-rank-gap = { $question }-сұрақ: 1, 2, 3… орындарды ретімен, әрқайсысын бір-ақ рет қолданыңыз.
el-rank-how = Бірінші таңдауыңызға 1-орынды, келесісіне 2-орынды беріңіз және т.с.с. Барлық { $count } жауапты реттеу міндетті емес.
el-rank-none = Реттелмеген
el-rank-n = { $rank }-орын
el-js-shuffle-needed = Дауыс беру жабылды. Ешкім шифрды ашпас бұрын әр кілт сақтаушы реттелген бюллетеньдерді араластырады: «Осы браузерде араластыру» түймесін басыңыз немесе өз компьютеріңізде араластырып, файлды жіберіңіз.
el-js-shuffle-waiting = Араластыруыңыз қабылданды. Басқа сақтаушылардың араластыруын күтудеміз; содан кейін сіз шифрды ашасыз.
el-shuffle-help = Араластыру бюллетеньдерді құпия ретпен қайта шифрлайды және мұны дәлелдейді, сондықтан қай реттеудің кімдікі екенін ешкім ажырата алмайды.
el-shuffle-send = Содан кейін shuffle.txt файлын төмендегі «Командалық жолда жасалған файл» арқылы жіберіңіз.
el-error-shuffle = Араластыру қабылданбады: { $reason }
el-ranked-seats = { $method }, орын саны: { $seats }
el-ranked-ballots = Бюллетень саны: { $count }, араластырған кілт сақтаушылар: { $trustees }
el-ranked-elected = Сайланғандар: { $names }
el-ranked-lots = Тең нәтижелер { $seed } негізінде (шифры ашылған нәтиженің хешінен) жеребе арқылы шешілді, сондықтан қайта санаған кез келген адам дәл сондай жеребе алады.
el-ranked-count-failed = Санау сәтсіз аяқталды: { $reason }
el-ranked-ballots-list = Шифры ашылған бюллетеньдер (араластырылған ретпен; әр сан — орын)

# Ranked secret ballots
el-method-borda = Борда әдісі (рейтингтік)

# Ranked secret ballots
el-shuffle-here = Осы браузерде араластыру
el-shuffle-or = Немесе өз компьютеріңізде командалық жолмен араластырыңыз:
el-js-shuffling = Араластырып, дәлелдеп жатырмыз…

# The election's group
el-group = Криптографиялық топ
el-group-help = Ed25519 (Belenios 3) телефондарда ең жылдам жұмыс істейді. BELENIOS-2048 сайлауды belenios-tool 2.0 бағдарламасымен тексеру үшін керек; онда ретімен қойылатын сұрақ болмайды. RFC-3526-2048 — мұндай сұраққа болатын 2048 биттік топ.
el-error-ranked-group = Ретімен қойылатын сұрақты BELENIOS-2048 тобында өткізуге болмайды: Ed25519 немесе RFC-3526-2048 таңдаңыз.

# STV's rules in the set-up form
el-rules = Ережелер
el-rules-scottish = шотландтық STV ережелері
el-rules-wigm = салмақталған инклюзивті Грегори әдісі
el-rules-ers97 = ERS97 ережелері
el-rules-meek = Мик әдісі

# Majority judgment in the set-up form, the booth and the result
el-grades = Бағалар (көпшілік бағасы), ең жақсысынан бастап, әр жолға біреуден
el-grades-example = Өте жақсы / Жақсы / Орташа / Нашар / Қабылдамаймын, әр жолға біреуден
el-grade-how = Әр кандидатқа баға қойыңыз. Медиандық бағасы ең жақсы кандидат жеңеді.
el-grade-none = Баға таңдаңыз
el-js-grade-missing = { $question }-сұрақ: әр кандидатқа баға қойыңыз.
el-answer = Жауап
el-majority-grade = Көпшілік бағасы

# Who has shuffled, on the election's page
el-trustee-shuffled = ретімен қойылған бюллетеньдерді араластырды
el-trustee-to-shuffle = ретімен қойылған бюллетеньдерді әлі араластырмады
