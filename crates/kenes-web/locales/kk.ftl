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
signin-link-hint = Сізге кіру сілтемесі берілді ме? Онда оны осы құрылғыда ашыңыз.
field-username = Пайдаланушы аты
field-username-hint = 3-тен 64-ке дейін әріп, цифр, нүкте, сызықша немесе астыңғы сызық.
field-password = Құпиясөз
field-new-password = Жаңа құпиясөз
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

## Қателер
error-title = Бірдеңе дұрыс емес
error-back = Артқа
error-not-found = Мұнда ештеңе жоқ.
error-sign-in-required = Алдымен кіріңіз.
error-forbidden = Сізге мұны көруге немесе істеуге рұқсат жоқ.
error-csrf = Бұл пішіннің мерзімі өтіп кеткен немесе ол осы сайттан келмеген. Бетті қайта жүктеп, қайталап көріңіз.
error-too-large = Сіз жіберген дерек тым үлкен.
error-internal = Серверде қате шықты. Ештеңе өзгертілмеді.
error-json = Сұрау денесі күтілген JSON пішімінде емес.
error-upload = Жүктелген файлды оқу мүмкін болмады.
error-password-length = Құпиясөзде кемінде 10 таңба болуы керек.
error-username = Пайдаланушы аты 3-тен 64-ке дейін әріп, цифр, нүкте, сызықша немесе астыңғы сызықтан тұруы керек.
error-username-taken = Бұл пайдаланушы аты бос емес.
error-link-invalid = Бұл сілтеме жарамсыз: ол бұрын пайдаланылған, мерзімі өткен немесе қате терілген.
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
