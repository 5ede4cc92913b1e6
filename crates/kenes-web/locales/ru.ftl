# kenes — русский (перевод эталонного каталога en.ftl: ключи в точности те же).

## Рамка страницы
skip-to-content = Перейти к содержимому
nav-label = Главное меню
nav-councils = Советы
nav-account = Учётная запись
nav-sign-in = Войти
nav-sign-out = Выйти
language-label = Язык
language-switch = Сменить
footer-text = kenes ведёт журнал каждого совета с подписями и цепочкой хешей: любой, у кого есть копия, может его проверить.

## Главная страница и вход
home-title = Добро пожаловать в kenes
home-intro = kenes помогает советам, профсоюзам, кооперативам и собраниям самоуправляться: члены, заседания, голосования и журнал, который никто не может незаметно переписать.
signin-title = Вход
signin-submit = Войти
signin-failed = Неверное имя пользователя или пароль.
signin-throttled = Слишком много неудачных попыток входа под этим именем с этого устройства. Попробуйте снова через { $minutes } мин.
signin-link-hint = Вам дали ссылку для входа? Тогда просто откройте её на этом устройстве.
field-username = Имя пользователя
field-username-hint = От 3 до 64 символов: буквы, цифры, точки, дефисы или подчёркивания.
field-password = Пароль
field-new-password = Новый пароль
field-current-password = Текущий пароль
password-current-wrong = Текущий пароль неверен; пароль не изменён.
field-password-hint = Не менее 10 символов.
field-display-name = Отображаемое имя
display-name-hint = Под этим именем вас будут знать в совете. Можно взять псевдоним: кроме этого имени, журнал ничего о вас не хранит.
field-role = Роль
field-council = Совет

## Первый администратор
setup-title = Настройка этого узла kenes
setup-intro = Создайте первую учётную запись администратора. Эта ссылка действует только один раз.
setup-submit = Создать администратора

## Советы
councils-title = Ваши советы
councils-none = Вы пока не состоите ни в одном совете.
councils-caption = Советы, в которых вы состоите
council-create = Создать совет
council-name = Название
council-kind = Тип
council-description = Описание
council-languages = Языки
council-founder-name = Ваше отображаемое имя в этом совете
council-members-count = Члены
council-your-role = Ваша роль
council-member-total = { $count ->
    [one] { $count } член
    [few] { $count } члена
    [many] { $count } членов
   *[other] { $count } члена
}
council-sections = Разделы совета
settings-title = Настройки совета
settings-submit = Сохранить настройки
settings-private = Закрытый совет: выборы видны только членам
settings-private-hint = Тогда страницы выборов, урны и архивы показываются только членам, вошедшим в систему; всем остальным сообщается, что такой страницы нет.
kind-workplace = Совет трудового коллектива
kind-neighbourhood = Соседский совет
kind-union = Профсоюз
kind-cooperative = Кооператив
kind-federation = Федерация советов
kind-assembly = Собрание

## Члены
members-title = Члены совета
member-you = (вы)
member-joined = Дата вступления
member-number = Членский номер
member-status = Статус
member-active = Действующий
member-removed = Исключён
member-joined-via = Способ вступления
joined-via-invitation = По приглашению
joined-via-secretary = Добавлен председателем или секретарём
joined-via-founder = Основал совет
member-rename-title = Отображаемое имя
member-rename-submit = Изменить имя
member-manage = Действия с этим членом
member-change-role = Изменить роль
member-make-link = Создать ссылку для входа
member-remove = Исключить из совета
member-add-title = Добавить члена
member-add-hint = Добавьте человека по имени; kenes выдаст одноразовую ссылку для входа, которую нужно ему передать.
member-add-submit = Добавить члена
member-added-title = Член добавлен
member-added-hint = Передайте эту одноразовую ссылку члену лично или по каналу, которому вы доверяете. По ней можно войти один раз; через 14 дней она перестаёт действовать.
member-link-title = Ссылка для входа
link-label = Ссылка
back-to-council = Назад к совету
role-member = Член
role-chair = Председатель
role-secretary = Секретарь
role-observer = Наблюдатель

## Приглашения
invite-title = Пригласить человека
invite-hint = Создайте одноразовую ссылку: тот, кто её откроет, выберет отображаемое имя и пароль и вступит в совет с выбранной вами ролью.
invite-submit = Создать ссылку-приглашение
links-title = Действующие ссылки
links-hint = Приглашения и ссылки для входа, которыми ещё никто не воспользовался. Отзовите ту, что попала не к тому человеку.
links-none = Действующих ссылок нет.
links-col-link = Ссылка
links-col-expires = Действует до
link-invitation = Приглашение с ролью «{ $role }», создал(а) { $name }
link-signin = Ссылка для входа для { $name }
link-revoke = Отозвать
link-revoke-label = Отозвать ссылку, действующую до { $expires }
invite-created-title = Ссылка-приглашение
invite-created-hint = Отправьте эту ссылку одному человеку. Она действует один раз и не дольше 14 дней.
join-title = Вступить в «{ $council }»
join-intro = Вас пригласили вступить в этот совет. Выберите, под каким именем вас будут знать в совете.
join-submit = Вступить

## Ссылки для входа
link-signin-title = Вход по ссылке
link-signin-intro = По этой ссылке можно войти один раз. Потом вы сможете задать пароль на странице учётной записи.

## Импорт
import-title = Импорт списка членов
import-hint = Загрузите файл CSV со строкой заголовков и столбцом «name»; столбцы «role» и «contact» необязательны. Контактные данные остаются на этом узле и никогда не попадают в журнал. Если хотя бы одна строка ошибочна, ничего не импортируется.
import-file = Файл CSV
import-submit = Импортировать
import-done = { $count ->
    [one] Импортирован { $count } член.
    [few] Импортировано { $count } члена.
    [many] Импортировано { $count } членов.
   *[other] Импортировано { $count } члена.
}
import-refused = { $count ->
    [one] { $count } строка отклонена, поэтому ничего не импортировано. Исправьте её и загрузите файл снова.
    [few] { $count } строки отклонены, поэтому ничего не импортировано. Исправьте их и загрузите файл снова.
    [many] { $count } строк отклонено, поэтому ничего не импортировано. Исправьте их и загрузите файл снова.
   *[other] { $count } строки отклонено, поэтому ничего не импортировано. Исправьте их и загрузите файл снова.
}
import-file-error = Файл не удаётся прочитать как список членов: { $detail }
import-rejected-caption = Отклонённые строки
import-line = Строка
import-reason = Причина
roll-field-count = В этой строке полей: { $found }, а в заголовке: { $expected }.
roll-csv = Ошибка формата CSV в этом месте: { $detail }
roll-contact = Контакт длиннее 200 символов или содержит управляющие символы.
roll-already-member = { $name } уже состоит в этом совете.
roll-duplicate = { $name } уже есть в строке { $line }.

## Журнал
record-title = Журнал
record-of = Журнал совета: { $council }
record-intro = Каждое изменение в этом совете — событие: оно пронумеровано, подписано узлом, который его записал, и связано с предыдущим событием через его хеш.
record-council-id = Идентификатор совета
record-home-node = Домашний узел
record-height = Номер
record-height-n = событие № { $height }
record-time = Время
record-kind = Тип
record-hash = Хеш
record-payload = Содержание
bundle-download = Скачать журнал (одним файлом)
record-pages = Страницы журнала
record-newer = Более новые события
record-older = Более старые события

## Учётная запись
account-title = Ваша учётная запись
account-no-password = У вашей учётной записи ещё нет пароля: вы вошли по ссылке. Задайте пароль, чтобы потом входить снова.
account-set-password = Задать пароль
account-password-set = Пароль задан.
account-links-title = Ссылки для входа, созданные для вас
account-links-new = С вашего последнего входа для вас создавались ссылки для входа: в списке видно, кто создал каждую и когда ею воспользовались. Кто воспользовался ссылкой, тот вошёл в вашу учётную запись; если это были не вы, сообщите секретарю вашего совета и задайте пароль.
account-links-maker = Кто создал
account-links-made = Создана
account-links-used = Использована
account-links-unused = не использована
account-links-fresh = (новая)

## Ошибки
error-title = Что-то не так
error-back = Назад
error-not-found = Здесь ничего нет.
error-sign-in-required = Сначала войдите.
error-forbidden = Вам нельзя просматривать это или выполнять это действие.
error-csrf = Срок действия формы истёк, или она отправлена не с этого сайта. Обновите страницу и попробуйте снова.
error-too-large = Отправленные данные слишком велики.
error-internal = На сервере произошла ошибка. Ничего не изменено.
error-too-many-streams = С этой учётной записи уже открыто предельное число страниц, обновляемых в реальном времени. Закройте другую вкладку или страницу на телефоне и обновите эту.
error-busy = Серверу сейчас слишком много нужно проверить. Ничего не изменено: попробуйте снова чуть позже.
error-json = Тело запроса не соответствует ожидаемому формату JSON.
error-upload = Не удалось прочитать загруженный файл.
error-password-length = Пароль должен содержать не менее 10 символов.
error-username = Имя пользователя должно содержать от 3 до 64 символов: буквы, цифры, точки, дефисы или подчёркивания.
error-username-taken = Это имя пользователя уже занято.
error-link-invalid = Эта ссылка недействительна: она уже использована, срок её действия истёк, её отозвали или в ней опечатка.
error-link-own-account = У этого члена есть своя учётная запись (с паролем или в других советах), поэтому ссылку для входа для него создать нельзя: он входит со своим паролем.
error-already-member = Вы уже состоите в этом совете.
error-empty = { $what ->
    [display-name] Отображаемое имя не заполнено.
    [council-name] Название совета не заполнено.
    [languages] Выберите хотя бы один язык.
   *[other] Обязательное поле не заполнено.
}
error-too-long = { $what ->
    [display-name] Отображаемое имя длиннее { $max } символов.
    [council-name] Название совета длиннее { $max } символов.
    [description] Описание длиннее { $max } символов.
   *[other] Одно из полей длиннее { $max } символов.
}
error-control = { $what ->
    [display-name] Отображаемое имя содержит управляющие символы.
    [council-name] Название совета содержит управляющие символы.
   *[other] Одно из полей содержит управляющие символы.
}
error-council-kind = Выберите тип совета из списка.
error-role = Роль должна быть одной из: член, председатель, секретарь, наблюдатель.
error-language = Выберите языки из списка.
error-not-a-member = Этот человек не является действующим членом этого совета.
error-not-allowed = Это может сделать только председатель или секретарь.
error-duplicate-name = Член с именем { $name } уже есть в этом совете.
error-last-manager = В совете должен оставаться хотя бы один председатель или секретарь.
error-empty-import = Импортировать нечего.
error-import-too-large = За один импорт можно добавить не более 10 000 членов.
error-unchanged = У этого члена уже эта роль.
error-out-of-range = { $what ->
    [quorum] Кворум задаётся в процентах: от 0 до { $max }.
    [seconders] Можно требовать не более { $max } поддержавших.
    [speaking-time] Время выступления — не более { $max } с.
   *[other] Число больше допустимого ({ $max }).
}

## Заседания
mt-assemblies = Заседания
mt-none = У этого совета ещё нет заседаний.
mt-title = Название
mt-starts = Когда
mt-place = Где
mt-status = Статус
mt-status-planned = Запланировано
mt-status-open = Идёт
mt-status-closed = Закрыто
mt-convene = Созвать заседание
mt-rules = Регламент заседания
mt-quorum-percent = Кворум (процент присутствующих членов с правом голоса)
mt-seconders = Сколько членов должны поддержать предложение
mt-speaking-seconds = Время выступления в секундах (0 — без ограничения)
mt-alternate = Выступления «за» и «против» чередуются
mt-sections = Разделы заседания
mt-projector = Вид для проектора
mt-minutes = Протокол
mt-reconnecting = Связь потеряна, переподключаемся… Страница сама догонит ход заседания.
mt-present-count = Присутствуют: { $present }, для кворума нужно: { $needed }
mt-quorum-met = кворум есть
mt-quorum-missing = кворума нет
mt-check-in = Зарегистрироваться
mt-check-out = Отметить уход
mt-you-are-present = Вы зарегистрированы.
mt-agenda = Повестка дня
mt-agenda-empty = Повестка дня пуста.
mt-minutes-planned = ({ $minutes } мин)
mt-take-item = Перейти к пункту
mt-take-item-label = Перейти к рассмотрению пункта { $number }
mt-now = Рассматривается
mt-speakers = Выступления
mt-speaking-now = Выступает
mt-nobody-speaking = Сейчас никто не выступает.
mt-list-empty = Никто не записан на выступление.
mt-more-waiting = …и ещё { $count }.
mt-waiting = Записавшиеся на выступление
mt-speech-kind = Прошу слова
mt-speech-speech = выступление
mt-speech-for = за предложение
mt-speech-against = против предложения
mt-speech-point-of-order = по порядку ведения
mt-request-floor = Записаться
mt-leave-list = Выйти из списка
mt-move-front = В начало списка
mt-remove-speaker = Убрать
mt-give-floor = Дать слово следующему
mt-end-speech = Завершить выступление
mt-motion-number = Предложение { $number }
mt-moved-by = автор: { $name }
mt-seconded-by = поддержали: { $count } из { $needed }
mt-alternative-to = альтернатива предложению { $number }
mt-motion-submitted = внесено
mt-motion-admitted = принято к рассмотрению
mt-motion-debated = обсуждается
mt-motion-voting = на голосовании
mt-motion-adopted = принято
mt-motion-rejected = отклонено
mt-motion-withdrawn = отозвано
mt-motion-referred = направлено на доработку
mt-amendment-number = Поправка { $number }
mt-amendment-lines = к строкам { $from }–{ $to }
mt-second = Поддержать
mt-withdraw = Отозвать
mt-admit = Принять к рассмотрению
mt-debate = Открыть обсуждение
mt-refer = Направить на доработку
mt-put-roll-call = Голосовать поимённо
mt-put-tellers = Голосовать с подсчётом счётной комиссией
mt-amend = Предложить поправку
mt-from-line = Со строки
mt-to-line = По строку
mt-new-text = Новый текст (оставьте пустым, чтобы исключить строки)
mt-amend-submit = Внести поправку
mt-vote-number = Голосование { $number }
mt-roll-call = поимённое, голоса записываются по именам
mt-tellers = подсчёт голосов счётной комиссией
mt-majority = большинство: более { $num }/{ $den } от числа { $basis }
mt-majority-at-least = большинство: не менее { $num }/{ $den } от числа { $basis }
mt-basis-votes-cast = поданных голосов
mt-basis-yes-no = голосов «за» и «против»
mt-basis-members = всех членов
mt-basis-present = присутствующих членов
mt-vote-open = Идёт голосование
mt-votes-so-far = Уже проголосовали: { $count }
mt-choice-yes = За
mt-choice-no = Против
mt-choice-abstain = Воздержаться
mt-you-voted = Ваш голос учтён.
mt-enter-counts = Внести итоги подсчёта
mt-counted = За: { $yes }, против: { $no }, воздержались: { $abstain }.
mt-close-vote = Завершить голосование
mt-carried = Принято
mt-lost = Не принято
mt-needed = Требовалось голосов «за»: { $needed } (из { $basis }).
mt-by-name = Голоса поимённо
mt-results = Итоги голосования
mt-announce-vote-open = Идёт голосование: { $question }
mt-announce-speaker = Слово предоставляется: { $name }.
mt-announce-carried = Принято: { $question }
mt-announce-lost = Не принято: { $question }
mt-chair = Панель председателя
mt-open = Открыть заседание
mt-close = Закрыть заседание
mt-add-item = Добавить пункт повестки дня
mt-item-minutes = Отведено минут
mt-item-parent = Подпункт пункта
mt-mark-attendance = Отметить приход или уход членов
mt-member = Член
mt-put-question = Поставить вопрос на голосование
mt-question = Вопрос
mt-mode = Способ голосования
mt-majority-rule = Большинство
mt-majority-simple = Простое большинство
mt-majority-two-thirds = Две трети
mt-majority-three-quarters = Три четверти
mt-basis = Считать от числа
mt-open-vote = Открыть голосование
mt-annotate = Добавить запись в протокол
mt-note = Запись
mt-move = Внести предложение
mt-item = Пункт повестки дня
mt-motion-text = Текст предложения
mt-motion-text-hint = Поправки ссылаются на номера его строк.
mt-alternative = Как альтернативу предложению
mt-move-submit = Внести предложение
mt-error-number = Поле { $field } должно содержать целое число.
mt-error-field = Поле { $field } не заполнено или содержит недопустимое значение.

## Протокол
mn-title = Протокол
mn-convened-by = Инициатор созыва
mn-opened = Открыто
mn-closed = Закрыто
mn-present = Присутствовали
mn-present-count = Зарегистрировано членов: { $count }.
mn-taken-up = Рассмотрение начато: { $time }.
mn-spoke = Выступили
mn-seconded = поддержали
mn-as-moved = В редакции автора
mn-as-adopted = В принятой редакции
mn-question = вопрос
mn-opened-at = открыто: { $time }
mn-notes = Записи секретаря
mn-footer = Сформировано по журналу совета (совет { $council }, до события № { $height } включительно). Любой, у кого есть журнал, может заново сформировать этот протокол и сверить его.

## Отказы на заседании
refused-no-assembly = Заседания № { $number } нет.
refused-not-open = Заседание сейчас не идёт.
refused-closed = Заседание закрыто.
refused-already-open = Заседание уже идёт.
refused-not-presiding = Это может сделать только председатель или секретарь.
refused-observer = Наблюдатели не могут вносить и поддерживать предложения, выступать и голосовать.
refused-only-for-themselves = Члены могут делать это только за себя.
refused-not-checked-in = Сначала зарегистрируйтесь: это могут делать только присутствующие члены.
refused-already-checked-in = Регистрация уже пройдена.
refused-no-item = Пункта повестки дня № { $number } нет.
refused-not-current-item = Этот пункт повестки дня сейчас не рассматривается.
refused-already-current = Этот пункт повестки дня уже рассматривается.
refused-too-deep = В повестке дня допускается не более { $depth } уровней вложенности.
refused-no-motion = Предложения № { $number } нет.
refused-motion-state = Статус предложения — «{ $status ->
        [submitted] внесено
        [admitted] принято к рассмотрению
        [debated] обсуждается
        [voting] на голосовании
        [adopted] принято
        [rejected] отклонено
        [withdrawn] отозвано
        [referred] направлено на доработку
       *[other] { $status }
    }»: сейчас это сделать нельзя.
refused-motion-admit-first = Предложение { $number } ещё не принято к рассмотрению: сначала председатель принимает его («Принять к рассмотрению»), затем его можно обсуждать, изменять и ставить на голосование.
refused-amendment-undecided = Поправка { $number } ещё не решена: поставьте её на голосование или пусть её отзовут, прежде чем ставить предложение.
refused-no-amendment = Поправки № { $number } нет.
refused-amendment-state = Статус поправки — «{ $status ->
        [submitted] внесена
        [admitted] принята к рассмотрению
        [debated] обсуждается
        [voting] на голосовании
        [adopted] принята
        [rejected] отклонена
        [withdrawn] отозвана
        [referred] направлена на доработку
       *[other] { $status }
    }»: сейчас это сделать нельзя.
refused-not-mover = Отозвать может только автор.
refused-own-motion = Автор не может сам поддержать своё предложение или поправку.
refused-already-seconded = Вы уже выразили поддержку.
refused-not-seconded = Нужно поддержавших: { $needed }, а поддержали: { $have }.
refused-line-range = Таких строк в предложении нет (всего строк: { $lines }).
refused-stale-amendment = Предложение изменилось после того, как была написана эта поправка: составьте её заново к действующему тексту.
refused-bad-alternative = Альтернативой может быть только другое предложение по тому же пункту повестки дня.
refused-already-waiting = Вы уже в списке выступающих.
refused-not-waiting = Этого члена нет в списке выступающих.
refused-nobody-waiting = Никто не записан на выступление.
refused-nobody-speaking = Сейчас никто не выступает.
refused-no-quorum = Нет кворума (присутствуют: { $present }, нужно: { $needed }).
refused-vote-open = Идёт голосование: сначала завершите его.
refused-no-vote = Голосования № { $number } нет.
refused-vote-closed = Это голосование завершено.
refused-already-voted = Вы уже проголосовали.
refused-counted-by-tellers = В этом голосовании голоса подсчитывает счётная комиссия, по именам они не записываются.
refused-by-name = Это поимённое голосование: итоги подсчёта вносить не нужно.
refused-too-many-counted = Сумма подсчитанных голосов ({ $counted }) больше числа присутствующих членов ({ $present }).
refused-not-counted = Прежде чем завершить голосование, внесите итоги подсчёта счётной комиссии.
refused-bad-majority = Большинство должно быть дробью от 0 до 1.
demo-not-empty = Демонстрационные данные можно загрузить только в новый, пустой каталог данных, а в этом уже есть совет.

# Votes among options
mt-put-choice = Поставить на голосование выбор из вариантов
mt-options = Варианты, по одному в строке
mt-method = Способ подсчёта
mt-method-plurality = Относительное большинство (больше всего отметок)
mt-method-irv = Мгновенный второй тур (рейтинговое)
mt-method-stv = Единый передаваемый голос (рейтинговое)
mt-method-schulze = Метод Шульце (рейтинговое)
mt-method-seats = { $method }, мест: { $seats }
mt-seats = Сколько мест
mt-preference = Выбор { $number }
mt-mark = Отметка { $number }
mt-cast-ballot = Подать бюллетень
mt-elected = Избраны: { $names }
mt-nobody-elected = Никто не избран
mt-ballots-counted = Бюллетени: заполненных { $marked }, пустых { $empty }
mt-count-stages = Подсчёт по этапам
mt-option = Вариант
mt-stage = Этап { $number }
mt-exhausted = Выбывшие бюллетени
mt-order = Порядок: { $order }
mt-announce-elected = { $question }: { $names }
refused-chooses-among-options = В этом голосовании выбирают из вариантов: расставьте их по порядку, а не отвечайте «за» или «против».
refused-yes-no-vote = Это голосование «за» или «против»; в нём нет вариантов для ранжирования.
refused-options-need-question = Голосование по вариантам ставит вопрос и проходит поимённо.
error-count = { $what ->
    [options] Укажите от { $min } до { $max } вариантов (сейчас { $got }).
    [seats] Число мест должно быть от { $min } до { $max } (а не { $got }).
    [marks] В бюллетене можно отметить не больше { $max } вариантов (здесь { $got }).
   *[other] Варианта номер { $got } нет; варианты пронумерованы от 1 до { $max }.
}
error-duplicate-option = «{ $value }» указан дважды.
mt-minutes-pdf = Протокол (PDF)
mt-move-up = Выше
mt-move-down = Ниже

# Secret elections
el-elections = Выборы
el-none = Выборов пока нет.
el-new = Подготовить выборы
el-title = Название
el-description = Описание (необязательно)
el-question-number = Вопрос { $number }
el-question = Вопрос
el-answers = Варианты ответа, по одному в строке
el-min = Не меньше
el-max = Не больше
el-blank = Можно голосовать пустым бюллетенем
el-trustees = Хранители ключа
el-threshold = Сколько хранителей нужно для расшифровки (0 — все, у каждого свой ключ)
el-threshold-help = С порогом результат могут расшифровать вместе любые столько хранителей; меньшее число не может.
el-create = Подготовить выборы
el-status-setup = Идёт подготовка: хранители создают ключи
el-status-open = Голосование открыто
el-status-closed = Голосование закрыто: хранители расшифровывают результат
el-status-tallied = Результат опубликован
el-questions = Вопросы
el-choose = выберите от { $min } до { $max }
el-trustee-decrypted = расшифровал(а)
el-trustee-key-ready = ключ создан
el-trustee-waiting = ключ ещё не создан
el-threshold-of = Для расшифровки нужны { $k } из { $n } хранителей.
el-trustee-page = Моя роль хранителя ключа
el-get-credential = Получить мой код для голосования
el-vote = Голосовать
el-board = Урна
el-ballots-counted = Учитывается бюллетеней: { $counted } (подано { $cast }, с повторными) из { $voters } избирателей.
el-trackers = Контрольные номера учитываемых бюллетеней
el-result = Результат
el-blank-vote = Пустой бюллетень
el-archive = Скачать архив выборов (.bel)
el-verify = Проверить выборы
el-controls = Управление для секретаря
el-open = Открыть голосование
el-waiting-for-trustees = Ждём, пока хранители закончат создавать ключи.
el-slips = Напечатать карточки с кодами (PDF)
el-slips-again = Напечатать новые карточки (PDF), прежние станут недействительны
el-waiting-for-slips = Сначала напечатайте карточки с кодами: голосование открывается, когда они созданы.
el-hall = Режим зала: коды на печатных карточках, для избирателей без учётной записи
el-hall-help = Кто держит карточку, тот и голосует ею, не входя в систему. Это менее надёжно, чем обычный режим: тот, через чьи руки проходят карточки, может проголосовать нерозданными. Без этого режима каждый член голосует, войдя в систему, с кодом, которым может воспользоваться только он.
el-mode-hall = Режим зала: голосует тот, у кого карточка с кодом, не входя в систему.
el-mode-members = Каждый член голосует, войдя в систему, своим кодом; код действует только для одного члена.
el-error-slips-before-opening = Карточки печатаются до открытия голосования, а не после.
el-error-not-hall = На этих выборах каждый член получает свой код; карточки нужны только для выборов в режиме зала.
el-error-not-a-voter = Вас нет в списке избирателей этих выборов.
el-error-credential-taken = Этим кодом уже воспользовался другой член: это не ваш код.
el-error-other-credential = Вы уже голосовали другим кодом: голосуйте снова тем кодом.
el-total-weight = Общий вес
el-error-total-weight = Веса в списке в сумме дают { $total }; на выборах можно учесть не больше { $max }.
el-error-credential-weight = Открытый код имеет вес { $weight }: веса берутся из списка избирателей, а у каждого члена этого списка один голос.
el-weights = Веса избирателей:
el-weight-count = { $count } с весом { $weight }
el-decryption-inconsistent = Расшифровки хранителей не дают результата: один из множителей расшифровки неверен, хотя его доказательство сходится. { $trustees ->
    [none] Результат появится, когда расшифрует ещё один хранитель.
   *[other] Под подозрением: { $trustees }. Результат появится, когда расшифрует ещё один хранитель или подозреваемый расшифрует заново.
}
el-counted-weights = Учтённые бюллетени и их веса
el-tracker-heading = Контрольный номер
el-weight-heading = Вес
el-publish = Опубликовать эти выборы
el-publish-help = Их страница, урна и архив станут доступны всем для просмотра и проверки, хотя совет остаётся закрытым. Это записывается в журнал, и отменить это нельзя.
el-published = Совет закрытый, но эти выборы опубликованы: любой может их увидеть и проверить.
el-private = Совет закрытый: эти выборы видят только его члены.
el-refused-published = Эти выборы уже опубликованы.
el-close = Закрыть голосование
el-back = Вернуться к выборам
el-loading = Загрузка…
el-needs-javascript = Этой странице нужен JavaScript: ключи и шифрование создаются в вашем браузере, а не на сервере.
el-trustee-key-help = Ваш ключ создаётся в этом браузере и предлагается вам файлом. Храните файл надёжно: он понадобится для расшифровки результата. На сервер он не отправляется.
el-make-key = Создать мой ключ
el-key-file = Ваш файл хранителя ключа для этих выборов (сохранённый файл .json или файлы .key и .dkey из командной строки)
el-continue = Продолжить
el-download-key = Скачать файл ключа
el-credential-once = Это ваш код для голосования. Он показывается только один раз: сервер сейчас его забудет. Голосуйте по ссылке или запишите код.
el-vote-now = Голосовать сейчас
el-credential = Код для голосования
el-encrypt = Зашифровать мой бюллетень
el-sealed = Ваш бюллетень зашифрован в этом браузере. Подайте его или сначала проверьте шифрование (проверенный бюллетень уничтожается, и вы шифруете заново).
el-tracker = Контрольный номер:
el-cast = Подать мой бюллетень
el-audit = Проверить это шифрование
el-your-tracker = Контрольный номер вашего поданного бюллетеня:
el-verified = Все доказательства в архиве сходятся.
el-not-verified = Архив не проходит проверку.
el-voters = Избиратели
el-ballots = Подано бюллетеней
el-decryptions = Частичные расшифровки
el-hash-matches = SHA-256 архива совпадает с записанным в журнале совета.
el-hash-differs = SHA-256 архива НЕ совпадает с записанным в журнале совета.
el-verify-yourself = Проверьте сами по архиву любой из программ:
el-error-field = Поле { $field } не заполнено или заполнено неверно.
el-error-already-done = Этот шаг уже выполнен.
el-error-out-of-turn = На этом этапе выборов это сделать нельзя.
el-error-key = Ключевые данные неверны: { $reason }
el-error-signature = Подпись сертификата не проходит проверку.
el-error-ballot = Бюллетень отклонён: { $reason }
el-error-decryption = Частичная расшифровка отклонена: { $reason }
el-error-no-credential = Для вас нет кода: его уже выдали, или вас нет в списке избирателей.
el-refused-no-election = Выборов { $number } нет.
el-refused-state = Сейчас это сделать нельзя: состояние выборов — { $status }.
el-js-error = Ошибка
el-js-download = Скачать
el-js-need-key = Выберите файл ключа, чтобы продолжить.
el-js-decrypting = Расшифровываем результат вашим ключом в этом браузере…
el-js-decrypted = Ваша частичная расшифровка получена. Спасибо.
el-js-step-done = Ваша часть пока выполнена.
el-js-waiting = Ждём других хранителей…
el-js-encrypting = Шифруем в этом браузере…
el-js-sealed = Зашифровано. Сверьте контрольный номер, затем подайте бюллетень или проверьте шифрование.
el-js-audited = Проверка пройдена: это шифрование содержит ровно ваш выбор. Этот бюллетень уничтожен; зашифруйте снова, чтобы проголосовать.
el-js-audit-failed = Проверка НЕ пройдена; не голосуйте с этого устройства и сообщите секретарю
el-js-casting = Подаём…
el-js-cast = Ваш бюллетень подан. Контрольный номер:
el-js-replaced = Новый бюллетень заменяет прежний. Контрольный номер:
el-voters-from = Кто голосует
el-voters-all = Все члены совета с правом голоса
el-voters-present = Члены, отметившиеся на собрании «{ $title }»
el-error-no-voters = В этих выборах пока некому голосовать: никто с правом голоса не отметился.
el-meeting-elections = Тайные голосования этого собрания
el-authority = Выдающий коды (кто создаёт коды для голосования)
el-authority-server = Этот сервер (выдаёт каждый код один раз и забывает его)
el-authority-page = Моя роль выдающего коды
el-authority-help = Создайте коды всех избирателей в этом браузере. Вы получите их файлом для раздачи (распечатайте или передайте каждому его код); сервер получает только открытую часть и не может голосовать за других.
el-make-credentials = Создать коды
el-download-credentials = Скачать коды для раздачи (CSV)
el-authority-done = Выдающий коды создал коды.
el-authority-waiting = Ждём, пока выдающий коды создаст коды.
el-error-credential-count = Прислано открытых кодов: { $count }, а избирателей: { $voters }.
el-slip-label = Карточка { $number }
el-slip-instructions = Отсканируйте код телефоном в Wi-Fi зала или откройте страницу голосования и введите код. Никому не показывайте карточку: кто ею владеет, может проголосовать вместо вас, а учитывается только последний бюллетень.
el-error-no-slips = Все коды уже выданы; печатать нечего.
el-slips-help = По одной карточке на избирателя: они создаются сейчас, и сервер забывает их, как только создаёт файл. Распечатайте файл, прежде чем закрыть его. Если напечатать снова до открытия голосования, будут созданы новые карточки, а прежние станут недействительны.
el-cli-trustee = Создали ключ в командной строке?
el-cli-trustee-help = Хранитель может вовсе не пользоваться браузером для ключа: создайте его программой kenes на своём компьютере и отправьте сюда открытый файл каждого шага (.pubkey, сертификат, многочлен, voutput), а после закрытия голосования — вашу частичную расшифровку.
el-cli-file = Файл, созданный в командной строке
el-cli-send = Отправить файл
el-roll = Или загруженный список избирателей (необязательно)
el-roll-help = По одному избирателю в строке: имя, а после запятой — вес (делегаты больших советов несут больше голосов). Коды для них печатаются на карточках.
el-error-roll = Строка { $line } списка неверна: имя не длиннее 200 знаков, затем, по желанию, запятая и вес от 1 до 1 000 000.
el-slip-weighted = { $label } (голосов: { $weight })

# needs you now
now-title = Ждёт вас сейчас
now-nothing = Сейчас от вас ничего не требуется.
now-vote = В «{ $meeting }» идёт голосование и ждёт вашего голоса.
now-vote-action = Голосовать
now-meeting-in-session = «{ $meeting }» идёт.
now-meeting-join = Перейти
now-meeting-check-in = Перейти и отметиться
now-ballot = Идёт голосование: { $election }.
now-ballot-collect = Получить код для голосования
now-ballot-vote = Голосовать
now-meeting-planned = Созвано «{ $meeting }»: { $starts }, { $place }.
now-open = Открыть
now-trustee = Ваш ход как хранителя ключа: { $election }.
now-trustee-action = Открыть страницу хранителя ключа
now-decrypt = Голосование «{ $election }» закрыто: хранители ключа расшифровывают результат.
now-finish-setup = «{ $election }» готовится.
now-finish-tally = «{ $election }» закрыто и ждёт подсчёта.
manage-title = Управление советом
manage-page-title = Управление: { $council }

# confirmations
mt-status-cancelled = Отменено
mt-cancel = Отменить заседание…
mt-cancel-question = Отменить это заседание? Оно не открывалось; в записи оно останется отменённым, открыть его будет нельзя.
mt-cancel-confirm = Да, отменить заседание
mt-close-question = Закрыть заседание? После этого в нём ничего не может произойти; протокол составляется из того, что записано.
mt-close-confirm = Да, закрыть заседание
member-remove-question = Исключить { $name } из совета? Прежние действия останутся в записи; позже можно добавить снова как нового члена.
member-remove-confirm = Да, исключить
link-revoke-question = Отозвать эту ссылку? Тот, у кого она есть, больше не сможет ею воспользоваться.
link-revoke-confirm = Да, отозвать
link-qr-label = QR-код ссылки
link-qr-hint = Чтобы передать ссылку лично, дайте отсканировать этот код камерой телефона.
back-to-manage = Назад к управлению советом

# trustee file
el-keep-file = Сохраните этот файл в надёжном месте, по возможности не на этом компьютере: он нужен, чтобы расшифровать результат. Когда страница предложит более новый файл, сохраните его вместо прежнего: в нём есть всё, что было в прежнем.
el-js-no-file = Сначала выберите файл хранителя ключа.
el-js-older-file = Этот файл сделан до вашего последнего шага: в нём есть ключ, но нет ключа расшифровки. Выберите более новый файл, который страница предложила после последнего шага.
el-js-not-trustee-file = Это не файл хранителя ключа kenes. Выберите файл .json, который страница предложила вам для этих выборов.
el-js-wrong-election = Этот файл хранителя ключа относится к другим выборам.
el-js-wrong-trustee = Этот файл принадлежит другому хранителю ключа этих выборов.
el-js-key-mismatch = Ключи в этом файле не подходят к этим выборам. Выберите файл, сохранённый для этих выборов, и попробуйте снова.

# booth errors
el-js-credential-form = Код для голосования состоит из пяти групп по три знака: XXX-XXX-XXX-XXX-XXX.
el-js-credential-checksum = В коде опечатка: сверьте каждый знак с бланком или ссылкой.
el-js-credential-characters = В коде есть знак, который в кодах не используется (0, O, I или l): сверьте его с бланком или ссылкой.
el-js-answer-count = Вопрос { $question }: отметьте от { $min } до { $max } ответов (отмечено: { $count }).

# record
record-event-meta = событие { $height }, { $time }
record-as-recorded = Как записано:

# event sentences
ev-council-created = { $kind ->
    [workplace] { $founder } создал(а) совет трудового коллектива «{ $name }».
    [neighbourhood] { $founder } создал(а) соседский совет «{ $name }».
    [union] { $founder } создал(а) профсоюз «{ $name }».
    [cooperative] { $founder } создал(а) кооператив «{ $name }».
    [federation] { $founder } создал(а) федерацию советов «{ $name }».
    [assembly] { $founder } создал(а) собрание «{ $name }».
   *[other] { $founder } создал(а) «{ $name }» ({ $kind }).
}
ev-member-added = { $via ->
    [invitation] { $role ->
        [member] { $name } вступил(а) в совет как член совета по приглашению, которое создал(а) { $by }.
        [chair] { $name } вступил(а) в совет как председатель по приглашению, которое создал(а) { $by }.
        [secretary] { $name } вступил(а) в совет как секретарь по приглашению, которое создал(а) { $by }.
        [observer] { $name } вступил(а) в совет как наблюдатель по приглашению, которое создал(а) { $by }.
       *[other] { $name } вступил(а) в совет с ролью «{ $role }» по приглашению, которое создал(а) { $by }.
    }
   *[other] { $role ->
        [member] { $by } добавил(а) в совет нового члена: { $name }.
        [chair] { $by } добавил(а) в совет председателя: { $name }.
        [secretary] { $by } добавил(а) в совет секретаря: { $name }.
        [observer] { $by } добавил(а) в совет наблюдателя: { $name }.
       *[other] { $by } добавил(а) в совет: { $name }, роль «{ $role }».
    }
}
ev-members-imported = { $by } импортировал(а) список членов.
ev-member-role-changed = { $role ->
    [member] { $by } изменил(а) роль: { $member } теперь рядовой член совета.
    [chair] { $by } изменил(а) роль: { $member } теперь председатель.
    [secretary] { $by } изменил(а) роль: { $member } теперь секретарь.
    [observer] { $by } изменил(а) роль: { $member } теперь наблюдатель.
   *[other] { $by } изменил(а) роль: { $member } теперь «{ $role }».
}
ev-member-removed = { $by } исключил(а) из совета: { $member }.
ev-member-renamed = { $by } изменил(а) отображаемое имя члена совета на «{ $name }».
ev-council-updated = { $by } изменил(а) настройки совета «{ $name }».
ev-assembly-convened = { $by } созвал(а) заседание «{ $title }»: { $starts }, { $place }.
ev-assembly-opened = { $by } открыл(а) заседание № { $assembly }.
ev-assembly-closed = { $by } закрыл(а) заседание № { $assembly }.
ev-attendance-checked-in = { $member } зарегистрирован(а) на заседании № { $assembly } (отметил(а) { $by }).
ev-attendance-checked-out = { $member } покинул(а) заседание № { $assembly } (отметил(а) { $by }).
ev-agenda-item-added = { $minutes ->
    [0] { $by } добавил(а) в повестку дня заседания № { $assembly } пункт «{ $title }».
    [one] { $by } добавил(а) в повестку дня заседания № { $assembly } пункт «{ $title }» на { $minutes } минуту.
    [few] { $by } добавил(а) в повестку дня заседания № { $assembly } пункт «{ $title }» на { $minutes } минуты.
    [many] { $by } добавил(а) в повестку дня заседания № { $assembly } пункт «{ $title }» на { $minutes } минут.
   *[other] { $by } добавил(а) в повестку дня заседания № { $assembly } пункт «{ $title }» на { $minutes } минуты.
}
ev-agenda-item-taken = { $by } открыл(а) рассмотрение пункта повестки дня на заседании № { $assembly }.
ev-motion-submitted = { $by } внёс(ла) предложение «{ $title }» на заседании № { $assembly }.
ev-motion-seconded = { $by } поддержал(а) предложение № { $motion } на заседании № { $assembly }.
ev-motion-admitted = { $by } принял(а) к рассмотрению предложение № { $motion } на заседании № { $assembly }.
ev-motion-debated = { $by } открыл(а) обсуждение предложения № { $motion } на заседании № { $assembly }.
ev-motion-withdrawn = { $by } отозвал(а) предложение № { $motion } на заседании № { $assembly }.
ev-motion-referred = { $by } направил(а) на доработку предложение № { $motion } на заседании № { $assembly }.
ev-amendment-submitted = { $by } предложил(а) поправку к строкам { $from_line }–{ $to_line } предложения № { $motion } на заседании № { $assembly }.
ev-amendment-seconded = { $by } поддержал(а) поправку № { $amendment } на заседании № { $assembly }.
ev-amendment-withdrawn = { $by } отозвал(а) поправку № { $amendment } на заседании № { $assembly }.
ev-speaker-requested = { $kind ->
    [for] { $member } попросил(а) слова за предложение на заседании № { $assembly } (записал(а) { $by }).
    [against] { $member } попросил(а) слова против предложения на заседании № { $assembly } (записал(а) { $by }).
    [point_of_order] { $member } попросил(а) слова по порядку ведения на заседании № { $assembly } (записал(а) { $by }).
   *[other] { $member } попросил(а) слова на заседании № { $assembly } (записал(а) { $by }).
}
ev-speaker-withdrawn = { $member } выбыл(а) из списка выступающих на заседании № { $assembly } (отметил(а) { $by }).
ev-speaker-moved = { $position ->
    [0] { $by } переместил(а) в начало списка выступающих на заседании № { $assembly }: { $member }.
    [one] { $by } переместил(а) в списке выступающих на заседании № { $assembly }: { $member } теперь после { $position } выступающего.
    [few] { $by } переместил(а) в списке выступающих на заседании № { $assembly }: { $member } теперь после { $position } выступающих.
    [many] { $by } переместил(а) в списке выступающих на заседании № { $assembly }: { $member } теперь после { $position } выступающих.
   *[other] { $by } переместил(а) в списке выступающих на заседании № { $assembly }: { $member } теперь после { $position } выступающих.
}
ev-speaker-floor-given = { $by } дал(а) слово следующему выступающему на заседании № { $assembly }.
ev-speaker-speech-ended = { $by } завершил(а) выступление на заседании № { $assembly }.
ev-vote-opened = { $mode ->
    [roll_call] { $by } открыл(а) поимённое голосование по вопросу «{ $question }» на заседании № { $assembly }.
    [tellers] { $by } открыл(а) голосование с подсчётом голосов счётной комиссией по вопросу «{ $question }» на заседании № { $assembly }.
   *[other] { $by } открыл(а) голосование по вопросу «{ $question }» на заседании № { $assembly }.
}
ev-vote-cast = { $choice ->
    [yes] { $by } проголосовал(а) «за» в голосовании № { $vote } на заседании № { $assembly }.
    [no] { $by } проголосовал(а) «против» в голосовании № { $vote } на заседании № { $assembly }.
    [abstain] { $by } выбрал(а) «Воздержаться» в голосовании № { $vote } на заседании № { $assembly }.
   *[other] { $by } проголосовал(а) «{ $choice }» в голосовании № { $vote } на заседании № { $assembly }.
}
ev-vote-ranked = { $by } подал(а) бюллетень с ранжированием в голосовании № { $vote } на заседании № { $assembly }.
ev-vote-counted = { $by } внёс(ла) итоги подсчёта в голосовании № { $vote } на заседании № { $assembly }: за — { $yes }, против — { $no }, воздержались — { $abstain }.
ev-vote-closed = { $by } завершил(а) голосование № { $vote } на заседании № { $assembly }.
ev-minutes-annotated = { $by } добавил(а) запись в протокол заседания № { $assembly }.
ev-election-announced = { $by } объявил(а) выборы «{ $title }».
ev-election-opened = { $voters ->
    [one] { $by } открыл(а) голосование на выборах № { $election } для { $voters } избирателя.
    [few] { $by } открыл(а) голосование на выборах № { $election } для { $voters } избирателей.
    [many] { $by } открыл(а) голосование на выборах № { $election } для { $voters } избирателей.
   *[other] { $by } открыл(а) голосование на выборах № { $election } для { $voters } избирателей.
}
ev-election-closed = { $ballots ->
    [one] { $by } закрыл(а) голосование на выборах № { $election }: учитывается { $ballots } бюллетень.
    [few] { $by } закрыл(а) голосование на выборах № { $election }: учитываются { $ballots } бюллетеня.
    [many] { $by } закрыл(а) голосование на выборах № { $election }: учитываются { $ballots } бюллетеней.
   *[other] { $by } закрыл(а) голосование на выборах № { $election }: учитываются { $ballots } бюллетеня.
}
ev-election-tallied = { $by } завершил(а) расшифровку итогов выборов № { $election }.
ev-election-published = { $by } опубликовал(а) выборы № { $election }: теперь их может увидеть и проверить любой.
