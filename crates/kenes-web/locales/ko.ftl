# kenes — 한국어 (기준 카탈로그 en.ftl의 번역: 키는 정확히 같습니다).

## 틀
skip-to-content = 본문으로 건너뛰기
nav-label = 주 메뉴
nav-councils = 협의회
nav-account = 계정
nav-sign-in = 로그인
nav-sign-out = 로그아웃
language-label = 언어
language-switch = 변경
footer-text = kenes는 각 협의회의 기록에 서명하고 해시로 연결해 보관합니다. 사본을 가진 사람은 누구나 이를 검증할 수 있습니다.

## 홈과 로그인
home-title = kenes에 오신 것을 환영합니다
home-intro = kenes는 협의회, 노동조합, 협동조합, 총회가 스스로 운영하도록 돕습니다. 회원, 회의, 투표, 그리고 누구도 몰래 고쳐 쓸 수 없는 기록까지.
signin-title = 로그인
signin-submit = 로그인
signin-failed = 사용자 이름 또는 비밀번호가 올바르지 않습니다.
signin-throttled = 이 기기에서 이 이름으로 로그인에 너무 많이 실패했습니다. { $minutes }분 뒤에 다시 시도하세요.
signin-link-hint = 로그인 링크를 받으셨나요? 그렇다면 이 기기에서 그 링크를 여세요.
field-username = 사용자 이름
field-username-hint = 글자, 숫자, 마침표, 하이픈, 밑줄로 3~64자.
field-password = 비밀번호
field-new-password = 새 비밀번호
field-current-password = 현재 비밀번호
password-current-wrong = 현재 비밀번호가 올바르지 않아 비밀번호를 바꾸지 않았습니다.
field-password-hint = 10자 이상.
field-display-name = 표시 이름
display-name-hint = 협의회에서 불릴 이름입니다. 가명도 괜찮습니다. 기록에는 이 이름 외에 회원님에 관한 정보가 남지 않습니다.
field-role = 역할
field-council = 협의회

## 첫 관리자
setup-title = 이 kenes 노드 설정
setup-intro = 첫 관리자 계정을 만드세요. 이 링크는 한 번만 쓸 수 있습니다.
setup-submit = 관리자 만들기

## 협의회
councils-title = 내 협의회
councils-none = 아직 어느 협의회의 회원도 아닙니다.
councils-caption = 내가 회원으로 있는 협의회
council-create = 협의회 만들기
council-name = 이름
council-kind = 유형
council-description = 설명
council-languages = 언어
council-founder-name = 이 협의회에서 쓸 내 표시 이름
council-members-count = 회원 수
council-your-role = 내 역할
council-member-total = { $count ->
   *[other] 회원 { $count }명
}
council-sections = 협의회 메뉴
settings-title = 협의회 설정
settings-submit = 설정 저장
settings-private = 비공개 협의회: 선거는 회원만 볼 수 있음
settings-private-hint = 이렇게 하면 선거 페이지, 투표함, 아카이브는 로그인한 회원에게만 보이고, 그 밖의 사람에게는 페이지가 없다고 표시됩니다.
kind-workplace = 직장 협의회
kind-neighbourhood = 마을 협의회
kind-union = 노동조합
kind-cooperative = 협동조합
kind-federation = 협의회 연합
kind-assembly = 총회

## 회원
members-title = 회원
member-you = (나)
member-joined = 가입일
member-number = 회원 번호
member-status = 상태
member-active = 활동 중
member-removed = 제외됨
member-joined-via = 가입 방법
joined-via-invitation = 초대
joined-via-secretary = 의장 또는 서기가 추가
joined-via-founder = 협의회를 만들었음
member-rename-title = 표시 이름
member-rename-submit = 이름 바꾸기
member-manage = 이 회원 관리
member-change-role = 역할 변경
member-make-link = 로그인 링크 만들기
member-remove = 협의회에서 제외
member-add-title = 회원 추가
member-add-hint = 이름으로 회원을 추가하세요. kenes가 그 사람에게 전해 줄 일회용 로그인 링크를 만들어 줍니다.
member-add-submit = 회원 추가
member-added-title = 회원이 추가되었습니다
member-added-hint = 이 일회용 링크를 직접 만나서 또는 믿을 수 있는 경로로 회원에게 전해 주세요. 한 번 로그인할 수 있으며 14일 후에 만료됩니다.
member-link-title = 로그인 링크
link-label = 링크
back-to-council = 협의회로 돌아가기
role-member = 회원
role-chair = 의장
role-secretary = 서기
role-observer = 참관인

## 초대
invite-title = 초대하기
invite-hint = 일회용 링크를 만드세요. 링크를 연 사람이 표시 이름과 비밀번호를 정하고, 여기서 고른 역할로 가입합니다.
invite-submit = 초대 링크 만들기
links-title = 사용 가능한 링크
links-hint = 아직 아무도 사용하지 않은 초대 링크와 로그인 링크입니다. 잘못 전달된 링크는 회수하세요.
links-none = 사용 가능한 링크가 없습니다.
links-col-link = 링크
links-col-expires = 만료
link-invitation = { $role } 역할 초대, 만든 사람: { $name }
link-signin = { $name } 님의 로그인 링크
link-revoke = 회수
link-revoke-label = { $expires }에 만료되는 링크 회수
invite-created-title = 초대 링크
invite-created-hint = 이 링크를 한 사람에게만 보내세요. 한 번만 쓸 수 있으며 14일 후에 만료됩니다.
join-title = { $council } 가입
join-intro = 이 협의회에 초대받으셨습니다. 협의회에서 불릴 이름을 정하세요.
join-submit = 가입

## 로그인 링크
link-signin-title = 링크로 로그인
link-signin-intro = 이 링크로 한 번 로그인할 수 있습니다. 그다음 계정 페이지에서 비밀번호를 설정할 수 있습니다.

## 가져오기
import-title = 회원 명부 가져오기
import-hint = 머리글 행과 "name" 열이 있는 CSV 파일을 올리세요. "role"과 "contact" 열은 선택 사항입니다. 연락처는 이 노드에만 남고 기록에는 절대 들어가지 않습니다. 한 행이라도 잘못되면 아무것도 가져오지 않습니다.
import-file = CSV 파일
import-submit = 가져오기
import-done = { $count ->
   *[other] 회원 { $count }명을 가져왔습니다.
}
import-refused = { $count ->
   *[other] { $count }개 행이 거부되어 아무것도 가져오지 않았습니다. 고친 뒤 파일을 다시 올리세요.
}
import-file-error = 파일을 회원 명부로 읽을 수 없습니다: { $detail }
import-rejected-caption = 거부된 행
import-line = 줄
import-reason = 이유
roll-field-count = 이 행의 필드는 { $found }개인데 머리글의 필드는 { $expected }개입니다.
roll-csv = 이 부분의 CSV 형식이 잘못되었습니다: { $detail }
roll-contact = 연락처가 200자를 넘거나 제어 문자가 들어 있습니다.
roll-already-member = { $name } 님은 이미 이 협의회의 회원입니다.
roll-duplicate = { $name } 님은 이미 { $line }번째 줄에 있습니다.

## 기록
record-title = 기록
record-of = { $council }의 기록
record-intro = 이 협의회의 모든 변경은 하나의 항목으로 기록됩니다. 각 항목에는 번호가 붙고, 그것을 쓴 노드가 서명하며, 해시로 바로 앞 항목과 연결됩니다.
record-council-id = 협의회 ID
record-home-node = 홈 노드
record-height = 번호
record-height-n = { $height }번 항목
record-time = 시각
record-kind = 종류
record-hash = 해시
record-payload = 내용
bundle-download = 기록 내려받기 (파일 하나)
record-pages = 기록 페이지
record-newer = 최근 이벤트
record-older = 이전 이벤트

## 계정
account-title = 내 계정
account-no-password = 아직 계정에 비밀번호가 없습니다. 링크로 로그인하셨기 때문입니다. 나중에 다시 로그인하려면 비밀번호를 설정하세요.
account-set-password = 비밀번호 설정
account-password-set = 비밀번호가 설정되어 있습니다.
account-links-title = 나에게 만들어진 로그인 링크
account-links-new = 마지막으로 로그인한 뒤 나에게 로그인 링크가 만들어졌습니다. 목록에서 각 링크를 누가 만들었고 언제 사용되었는지 볼 수 있습니다. 링크를 사용한 사람은 내 계정으로 로그인한 것입니다. 본인이 아니었다면 협의회 서기에게 알리고 비밀번호를 설정하세요.
account-links-maker = 만든 사람
account-links-made = 만든 시각
account-links-used = 사용한 시각
account-links-unused = 사용 안 됨
account-links-fresh = (새 링크)

## 오류
error-title = 문제가 있습니다
error-back = 돌아가기
error-not-found = 여기에는 아무것도 없습니다.
error-sign-in-required = 먼저 로그인하세요.
error-forbidden = 이 내용을 보거나 이 작업을 할 권한이 없습니다.
error-csrf = 이 양식이 만료되었거나 이 사이트에서 온 것이 아닙니다. 페이지를 새로 고친 뒤 다시 시도하세요.
error-too-large = 보낸 내용이 너무 큽니다.
error-internal = 서버에서 문제가 생겼습니다. 아무것도 바뀌지 않았습니다.
error-too-many-streams = 이 계정은 이미 허용된 최대 개수만큼 실시간 페이지를 보고 있습니다. 다른 탭이나 휴대전화의 페이지를 닫고 새로 고치세요.
error-busy = 지금 서버가 확인할 것이 너무 많습니다. 아무것도 바뀌지 않았습니다. 잠시 후 다시 시도하세요.
error-json = 요청 본문이 예상한 JSON 형식이 아닙니다.
error-upload = 올린 파일을 읽을 수 없습니다.
error-password-length = 비밀번호는 10자 이상이어야 합니다.
error-username = 사용자 이름은 글자, 숫자, 마침표, 하이픈, 밑줄로 된 3~64자여야 합니다.
error-username-taken = 이미 사용 중인 사용자 이름입니다.
error-link-invalid = 유효하지 않은 링크입니다. 이미 사용되었거나, 만료되었거나, 회수되었거나, 잘못 입력되었습니다.
error-link-own-account = 이 회원은 자신의 계정이 있어서(비밀번호가 있거나 다른 협의회에도 속해 있음) 로그인 링크를 만들 수 없습니다. 이 회원은 자신의 비밀번호로 로그인합니다.
error-already-member = 이미 이 협의회의 회원입니다.
error-empty = { $what ->
    [display-name] 표시 이름이 비어 있습니다.
    [council-name] 협의회 이름이 비어 있습니다.
    [languages] 언어를 하나 이상 고르세요.
   *[other] 필수 입력란이 비어 있습니다.
}
error-too-long = { $what ->
    [display-name] 표시 이름이 { $max }자를 넘습니다.
    [council-name] 협의회 이름이 { $max }자를 넘습니다.
    [description] 설명이 { $max }자를 넘습니다.
   *[other] 입력란 하나가 { $max }자를 넘습니다.
}
error-control = { $what ->
    [display-name] 표시 이름에 제어 문자가 들어 있습니다.
    [council-name] 협의회 이름에 제어 문자가 들어 있습니다.
   *[other] 입력란에 제어 문자가 들어 있습니다.
}
error-council-kind = 목록에서 협의회 유형을 고르세요.
error-role = 역할은 회원, 의장, 서기, 참관인 중 하나여야 합니다.
error-language = 목록에서 언어를 고르세요.
error-not-a-member = 그 사람은 이 협의회의 활동 중인 회원이 아닙니다.
error-not-allowed = 의장이나 서기만 할 수 있습니다.
error-duplicate-name = 이 협의회에 이름이 { $name }인 회원이 이미 있습니다.
error-last-manager = 협의회에는 의장이나 서기가 최소 한 명은 있어야 합니다.
error-empty-import = 가져올 내용이 없습니다.
error-import-too-large = 한 번에 최대 10,000명까지 가져올 수 있습니다.
error-unchanged = 이 회원은 이미 그 역할을 맡고 있습니다.
error-out-of-range = { $what ->
    [quorum] 의사정족수는 0에서 { $max }까지의 백분율입니다.
    [seconders] 필요한 재청 수는 최대 { $max }명까지 정할 수 있습니다.
    [speaking-time] 발언 시간은 최대 { $max }초까지 정할 수 있습니다.
   *[other] 숫자가 최댓값 { $max }보다 큽니다.
}

## 회의
mt-assemblies = 회의
mt-none = 이 협의회에는 아직 회의가 없습니다.
mt-title = 제목
mt-starts = 일시
mt-place = 장소
mt-status = 상태
mt-status-planned = 예정
mt-status-open = 진행 중
mt-status-closed = 종료
mt-convene = 회의 소집
mt-rules = 회의 규칙
mt-quorum-percent = 의사정족수 (의결권이 있는 회원 중 출석해야 하는 비율, %)
mt-seconders = 동의안에 필요한 재청 수
mt-speaking-seconds = 발언 시간(초, 0이면 제한 없음)
mt-alternate = 찬성 발언과 반대 발언을 번갈아 진행
mt-sections = 회의 메뉴
mt-projector = 프로젝터 화면
mt-minutes = 회의록
mt-reconnecting = 연결이 끊겼습니다. 다시 연결하는 중… 연결되면 페이지가 자동으로 최신 상태가 됩니다.
mt-present-count = 출석 { $present }명, 의사정족수 { $needed }명
mt-quorum-met = 의사정족수 충족
mt-quorum-missing = 의사정족수 미달
mt-check-in = 출석
mt-check-out = 퇴장
mt-you-are-present = 출석 처리되었습니다.
mt-agenda = 안건
mt-agenda-empty = 안건이 없습니다.
mt-minutes-planned = ({ $minutes }분)
mt-take-item = 상정
mt-take-item-label = { $number }번 안건 상정
mt-now = 현재 안건
mt-speakers = 발언
mt-speaking-now = 발언 중
mt-nobody-speaking = 발언 중인 사람이 없습니다.
mt-list-empty = 발언 대기자가 없습니다.
mt-more-waiting = …외 { $count }명.
mt-waiting = 발언 대기자
mt-speech-kind = 발언 신청
mt-speech-speech = 일반 발언
mt-speech-for = 찬성 발언
mt-speech-against = 반대 발언
mt-speech-point-of-order = 의사진행 발언
mt-request-floor = 발언 신청하기
mt-leave-list = 신청 취소
mt-move-front = 맨 앞으로
mt-remove-speaker = 빼기
mt-give-floor = 다음 발언자
mt-end-speech = 발언 종료
mt-motion-number = 동의안 { $number }
mt-moved-by = 발의: { $name }
mt-seconded-by = 재청: { $needed }명 중 { $count }명
mt-alternative-to = 동의안 { $number }의 대안
mt-motion-submitted = 제출됨
mt-motion-admitted = 접수됨
mt-motion-debated = 토론 중
mt-motion-voting = 표결 중
mt-motion-adopted = 가결
mt-motion-rejected = 부결
mt-motion-withdrawn = 철회됨
mt-motion-referred = 회부됨
mt-amendment-number = 수정안 { $number }
mt-amendment-lines = ({ $from }–{ $to }행)
mt-second = 재청
mt-withdraw = 철회
mt-admit = 접수
mt-debate = 토론 개시
mt-refer = 회부
mt-put-roll-call = 호명 투표에 부치기
mt-put-tellers = 개표위원 집계로 표결에 부치기
mt-amend = 수정안 내기
mt-from-line = 시작 행
mt-to-line = 끝 행
mt-new-text = 새 문안 (비워 두면 해당 행을 삭제)
mt-amend-submit = 수정안 제출
mt-vote-number = 표결 { $number }
mt-roll-call = 호명 투표, 이름별로 기록
mt-tellers = 개표위원 집계
mt-majority = 가결 요건: { $basis }의 { $num }/{ $den } 초과
mt-majority-at-least = 가결 요건: { $basis }의 { $num }/{ $den } 이상
mt-basis-votes-cast = 투표수
mt-basis-yes-no = 찬성·반대 표수
mt-basis-members = 전체 회원 수
mt-basis-present = 출석 회원 수
mt-vote-open = 표결 진행 중
mt-votes-so-far = 지금까지 { $count }명 투표
mt-choice-yes = 찬성
mt-choice-no = 반대
mt-choice-abstain = 기권
mt-you-voted = 투표가 기록되었습니다.
mt-enter-counts = 집계 입력
mt-counted = 찬성 { $yes }, 반대 { $no }, 기권 { $abstain }.
mt-close-vote = 표결 종료
mt-carried = 가결
mt-lost = 부결
mt-needed = 찬성 { $needed }표가 필요했습니다(기준 { $basis }).
mt-by-name = 이름별 투표 내역
mt-results = 표결 결과
mt-announce-vote-open = 표결 진행 중: { $question }
mt-announce-speaker = { $name } 님이 발언합니다.
mt-announce-carried = 가결: { $question }
mt-announce-lost = 부결: { $question }
mt-chair = 의장 진행 메뉴
mt-open = 개회
mt-close = 폐회
mt-add-item = 안건 추가
mt-item-minutes = 예정 시간(분)
mt-item-parent = 상위 안건
mt-mark-attendance = 회원 출석·퇴장 처리
mt-member = 회원
mt-put-question = 표결에 부치기
mt-question = 표결 사항
mt-mode = 방식
mt-majority-rule = 가결 요건
mt-majority-simple = 단순 과반수
mt-majority-two-thirds = 3분의 2
mt-majority-three-quarters = 4분의 3
mt-basis = 기준
mt-open-vote = 표결 시작
mt-annotate = 회의록에 메모 추가
mt-note = 메모
mt-move = 동의안 발의
mt-item = 안건
mt-motion-text = 동의안 문안
mt-motion-text-hint = 수정안은 이 문안의 행 번호를 가리킵니다.
mt-alternative = 다음 동의안의 대안으로
mt-move-submit = 동의안 발의
mt-error-number = { $field } 입력란에는 정수를 입력해야 합니다.
mt-error-field = { $field } 입력란이 비어 있거나 선택지에 없는 값입니다.

## 회의록
mn-title = 회의록
mn-convened-by = 소집자
mn-opened = 개회
mn-closed = 폐회
mn-present = 출석
mn-present-count = 출석 회원 { $count }명.
mn-taken-up = { $time } 상정.
mn-spoke = 발언자
mn-seconded = 재청
mn-as-moved = 발의 원안
mn-as-adopted = 가결된 문안
mn-question = 표결 사항
mn-opened-at = { $time } 표결 시작
mn-notes = 서기 메모
mn-footer = 협의회 기록(협의회 { $council }, { $height }번 항목까지)에서 생성했습니다. 기록을 가진 사람은 누구나 이 회의록을 다시 생성해 검증할 수 있습니다.

## 회의 거부 사유
refused-no-assembly = { $number }번 회의가 없습니다.
refused-not-open = 회의가 진행 중이 아닙니다.
refused-closed = 회의가 종료되었습니다.
refused-already-open = 회의가 이미 진행 중입니다.
refused-not-presiding = 의장이나 서기만 할 수 있습니다.
refused-observer = 참관인은 발의, 재청, 발언, 투표를 할 수 없습니다.
refused-only-for-themselves = 회원은 본인에 대해서만 할 수 있습니다.
refused-not-checked-in = 먼저 출석하세요. 출석한 회원만 할 수 있습니다.
refused-already-checked-in = 이미 출석 처리되었습니다.
refused-no-item = { $number }번 안건이 없습니다.
refused-not-current-item = 그 안건은 지금 다루고 있는 안건이 아닙니다.
refused-already-current = 그 안건은 이미 다루고 있습니다.
refused-too-deep = 안건은 최대 { $depth }단계까지만 나눌 수 있습니다.
refused-too-many-items = 안건은 최대 { $max }개까지 둘 수 있습니다.
refused-too-many-motions = 회의에는 동의안을 최대 { $max }개까지 둘 수 있습니다.
refused-too-many-amendments = 회의에는 수정안을 최대 { $max }개까지 둘 수 있습니다.
refused-no-motion = { $number }번 동의안이 없습니다.
refused-motion-state = 동의안이 { $status ->
        [submitted] 제출된
        [admitted] 접수된
        [debated] 토론 중인
        [voting] 표결 중인
        [adopted] 가결된
        [rejected] 부결된
        [withdrawn] 철회된
        [referred] 회부된
       *[other] ‘{ $status }’
    } 상태라서 지금은 할 수 없습니다.
refused-motion-admit-first = 안건 { $number }은(는) 아직 접수되지 않았습니다. 먼저 의장이 「접수」를 누른 뒤에 토론하고 수정하고 표결에 부칠 수 있습니다.
refused-amendment-undecided = 수정안 { $number }이(가) 아직 결정되지 않았습니다. 안건을 표결하기 전에 수정안을 표결하거나 철회하게 하세요.
refused-no-amendment = { $number }번 수정안이 없습니다.
refused-amendment-state = 수정안이 { $status ->
        [submitted] 제출된
        [admitted] 접수된
        [debated] 토론 중인
        [voting] 표결 중인
        [adopted] 가결된
        [rejected] 부결된
        [withdrawn] 철회된
        [referred] 회부된
       *[other] ‘{ $status }’
    } 상태라서 지금은 할 수 없습니다.
refused-not-mover = 발의자만 철회할 수 있습니다.
refused-own-motion = 발의자는 자신의 동의안이나 수정안에 재청할 수 없습니다.
refused-already-seconded = 이미 재청했습니다.
refused-not-seconded = 재청이 { $needed }명 필요한데 { $have }명뿐입니다.
refused-line-range = 동의안에 그런 행이 없습니다. 이 동의안은 { $lines }행입니다.
refused-stale-amendment = 이 수정안을 작성한 뒤 동의안이 바뀌었습니다. 현재 문안을 기준으로 다시 작성하세요.
refused-bad-alternative = 대안은 같은 안건에 속한 다른 동의안에 대해서만 낼 수 있습니다.
refused-already-waiting = 이미 발언 대기 명단에 있습니다.
refused-not-waiting = 그 회원은 발언 대기 명단에 없습니다.
refused-nobody-waiting = 발언 대기자가 없습니다.
refused-nobody-speaking = 발언 중인 사람이 없습니다.
refused-no-quorum = 의사정족수 미달: 출석 { $present }명, 필요 { $needed }명.
refused-vote-open = 진행 중인 표결이 있습니다. 먼저 표결을 종료하세요.
refused-no-vote = { $number }번 표결이 없습니다.
refused-vote-closed = 그 표결은 종료되었습니다.
refused-already-voted = 이미 투표했습니다.
refused-counted-by-tellers = 이 표결은 이름별로 기록하지 않고 개표위원이 집계합니다.
refused-by-name = 이 표결은 호명 투표라서 입력할 집계가 없습니다.
refused-too-many-counted = 집계 합계 { $counted }표가 출석 회원 { $present }명보다 많습니다.
refused-not-counted = 표결을 종료하기 전에 개표위원 집계를 입력하세요.
refused-bad-majority = 가결 요건은 0과 1 사이의 분수여야 합니다.
demo-not-empty = 데모 데이터는 새 데이터 디렉터리에만 채울 수 있습니다. 이 디렉터리에는 이미 협의회가 있습니다.

# Votes among options
mt-put-choice = 여러 선택지 중 선택을 표결에 부치기
mt-options = 선택지 (한 줄에 하나씩)
mt-method = 개표 방식
mt-method-plurality = 다수결 (가장 많은 표시)
mt-method-irv = 즉석 결선 투표 (순위)
mt-method-stv = 단기 이양식 투표 (순위)
mt-method-schulze = 슐체 방식 (순위)
mt-method-seats = { $method }, { $seats }석
mt-seats = 선출할 자리 수
mt-preference = { $number }순위
mt-mark = 표시 { $number }
mt-cast-ballot = 투표지 제출
mt-elected = 선출: { $names }
mt-nobody-elected = 선출된 사람이 없습니다
mt-ballots-counted = 투표지: 표시 { $marked }장, 빈 투표지 { $empty }장
mt-count-stages = 단계별 개표
mt-option = 선택지
mt-stage = { $number }단계
mt-exhausted = 소진된 표
mt-order = 순서: { $order }
mt-announce-elected = { $question }: { $names }
refused-chooses-among-options = 이 표결은 선택지 중에서 고릅니다. 찬성이나 반대 대신 순위를 매기세요.
refused-yes-no-vote = 찬반 표결이므로 순위를 매길 선택지가 없습니다.
refused-options-need-question = 선택지 표결은 질문으로 부치고 기명으로 진행합니다.
error-count = { $what ->
    [options] 선택지는 { $min }개에서 { $max }개 사이여야 합니다 (현재 { $got }개).
    [seats] 자리 수는 { $min }에서 { $max } 사이여야 합니다 ({ $got }이 아님).
    [marks] 투표지에는 최대 { $max }개까지 표시할 수 있습니다 (이 투표지는 { $got }개).
   *[other] { $got }번 선택지는 없습니다. 선택지 번호는 1부터 { $max }까지입니다.
}
error-duplicate-option = “{ $value }”이(가) 두 번 나옵니다.
mt-minutes-pdf = 회의록 (PDF)
mt-move-up = 위로
mt-move-down = 아래로

# Secret elections
el-elections = 선거
el-none = 아직 선거가 없습니다.
el-new = 선거 준비하기
el-title = 제목
el-description = 설명 (선택)
el-question-number = 질문 { $number }
el-question = 질문
el-answers = 답변 (한 줄에 하나씩)
el-min = 최소
el-max = 최대
el-blank = 백지 투표 허용
el-trustees = 키 관리인
el-threshold = 복호화에 필요한 관리인 수 (0: 전원, 각자 자신의 키)
el-threshold-help = 임계값을 정하면 그 수만큼의 관리인이 모이면 누구든 결과를 복호화할 수 있고, 그보다 적으면 할 수 없습니다.
el-create = 선거 준비
el-status-setup = 준비 중: 관리인들이 키를 만들고 있습니다
el-status-open = 투표가 진행 중입니다
el-status-closed = 투표가 마감되었습니다: 관리인들이 결과를 복호화합니다
el-status-tallied = 결과가 공개되었습니다
el-questions = 질문
el-choose = { $min }~{ $max }개 선택
el-trustee-decrypted = 복호화 완료
el-trustee-key-ready = 키 생성됨
el-trustee-waiting = 아직 키를 만들지 않음
el-threshold-of = 복호화하려면 관리인 { $n }명 중 { $k }명이 필요합니다.
el-trustee-page = 키 관리인으로서 나의 역할
el-get-credential = 내 투표 코드 받기
el-vote = 투표하기
el-board = 투표함
el-ballots-counted = 유권자 { $voters }명 중 { $counted }장의 투표지가 집계됩니다 (다시 투표한 것을 포함해 { $cast }장 제출).
el-trackers = 집계되는 투표지의 추적 번호
el-result = 결과
el-blank-vote = 백지 투표
el-archive = 선거 아카이브 내려받기 (.bel)
el-verify = 선거 검증
el-controls = 간사 도구
el-open = 투표 시작
el-waiting-for-trustees = 관리인들이 키 만들기를 마칠 때까지 기다리는 중입니다.
el-slips = 투표 코드 카드 인쇄 (PDF)
el-slips-again = 새 카드 인쇄 (PDF), 이전 카드는 무효가 됨
el-waiting-for-slips = 먼저 투표 코드 카드를 인쇄하세요. 카드가 만들어져야 투표를 시작할 수 있습니다.
el-hall = 회의장 모드: 계정이 없는 유권자를 위해 투표 코드를 카드에 인쇄
el-hall-help = 카드를 가진 사람은 로그인하지 않고 그 카드로 투표합니다. 기본 방식보다 안전하지 않습니다: 카드를 다루는 사람이 나눠 주지 않은 카드로 투표할 수 있습니다. 이 모드를 쓰지 않으면 각 회원이 로그인해서 자신만 쓸 수 있는 투표 코드로 투표합니다.
el-mode-hall = 회의장 모드: 투표 코드 카드를 가진 사람이 로그인하지 않고 투표합니다.
el-mode-members = 각 회원이 로그인해서 자신의 투표 코드로 투표합니다. 투표 코드 하나는 회원 한 명만 쓸 수 있습니다.
el-error-slips-before-opening = 카드는 투표를 시작하기 전에 인쇄합니다. 시작한 뒤에는 인쇄할 수 없습니다.
el-error-not-hall = 이 선거에서는 회원마다 자신의 투표 코드를 받습니다. 카드는 회의장 모드 선거에서만 씁니다.
el-error-not-a-voter = 이 선거의 유권자 명부에 없습니다.
el-error-credential-taken = 이 투표 코드는 이미 다른 회원이 사용했습니다. 내 코드가 아닙니다.
el-error-other-credential = 이미 다른 투표 코드로 투표했습니다. 그 코드로 다시 투표하세요.
el-total-weight = 가중치 합계
el-error-total-weight = 명부의 가중치 합계가 { $total }입니다. 선거 하나에서 집계할 수 있는 최대치는 { $max }입니다.
el-error-credential-weight = 공개 코드의 가중치가 { $weight }인데, 명부에는 그런 가중치가 없습니다. 가중치는 명부에서 정해집니다(각자 한 표, 또는 협의회 연합에서는 대의원의 의석 가중치).
el-weights = 유권자 가중치:
el-weight-count = 가중치 { $weight }: { $count }명
el-decryption-inconsistent = 관리인들의 복호화로 결과가 나오지 않습니다: 증명은 맞지만 복호화 인수 하나가 틀렸습니다. { $trustees ->
    [none] 다른 관리인이 복호화하면 결과가 나옵니다.
   *[other] 의심되는 관리인: { $trustees }. 다른 관리인이 복호화하거나 의심되는 관리인이 다시 복호화하면 결과가 나옵니다.
}
el-counted-weights = 집계된 투표지와 가중치
el-tracker-heading = 추적 번호
el-weight-heading = 가중치
el-publish = 이 선거 공개하기
el-publish-help = 협의회는 비공개로 남지만, 이 선거의 페이지, 투표함, 기록 보관 파일은 누구나 보고 검증할 수 있게 됩니다. 이 사실은 기록에 남으며 되돌릴 수 없습니다.
el-published = 이 협의회는 비공개이지만, 이 선거는 공개되어 누구나 보고 검증할 수 있습니다.
el-private = 이 협의회는 비공개입니다: 회원만 이 선거를 볼 수 있습니다.
el-refused-published = 이 선거는 이미 공개되었습니다.
el-close = 투표 마감
el-back = 선거로 돌아가기
el-loading = 불러오는 중…
el-needs-javascript = 이 페이지에는 JavaScript가 필요합니다: 키와 암호화는 서버가 아니라 여러분의 브라우저에서 만들어집니다.
el-trustee-key-help = 키는 이 브라우저에서 만들어져 파일로 제공됩니다. 파일을 잘 보관하세요: 결과를 복호화할 때 필요합니다. 서버로는 절대 전송되지 않습니다.
el-make-key = 내 키 만들기
el-key-file = 이 선거의 키 관리인 파일(보관한 .json 파일, 또는 명령줄의 .key 및 .dkey 파일)
el-continue = 계속
el-download-key = 키 파일 내려받기
el-credential-once = 여러분의 투표 코드입니다. 한 번만 표시되며 서버는 지금 이 코드를 잊습니다. 링크로 투표하거나 코드를 적어 두세요.
el-vote-now = 지금 투표하기
el-credential = 투표 코드
el-encrypt = 내 투표지 암호화
el-sealed = 투표지가 이 브라우저에서 암호화되었습니다. 제출하거나 먼저 암호화를 검사하세요 (검사한 투표지는 폐기되고 다시 암호화합니다).
el-tracker = 추적 번호:
el-cast = 내 투표지 제출
el-audit = 이 암호화 검사하기
el-your-tracker = 제출한 투표지의 추적 번호:
el-verified = 아카이브의 모든 증명이 맞습니다.
el-not-verified = 아카이브가 검증을 통과하지 못했습니다.
el-voters = 유권자
el-ballots = 제출된 투표지
el-decryptions = 부분 복호화
el-hash-matches = 아카이브의 SHA-256이 위원회 기록에 있는 값과 같습니다.
el-hash-differs = 아카이브의 SHA-256이 위원회 기록에 있는 값과 다릅니다.
el-verify-yourself = 아카이브와 다음 프로그램 중 하나로 직접 확인하세요:
el-error-field = { $field } 항목이 없거나 올바르지 않습니다.
el-error-already-done = 이 단계는 이미 완료되었습니다.
el-error-out-of-turn = 선거의 이 단계에서는 할 수 없습니다.
el-error-key = 키 자료가 올바르지 않습니다: { $reason }
el-error-signature = 인증서의 서명이 맞지 않습니다.
el-error-ballot = 투표지가 거부되었습니다: { $reason }
el-error-decryption = 부분 복호화가 거부되었습니다: { $reason }
el-error-no-credential = 받을 투표 코드가 없습니다: 이미 받았거나 유권자 명부에 없습니다.
el-refused-no-election = 선거 { $number }이(가) 없습니다.
el-refused-state = 지금은 할 수 없습니다: 선거 상태가 { $status }입니다.
el-js-error = 오류
el-js-download = 내려받기
el-js-need-key = 계속하려면 키 파일을 선택하세요.
el-js-decrypting = 이 브라우저에서 내 키로 결과를 복호화하는 중…
el-js-decrypted = 부분 복호화를 받았습니다. 감사합니다.
el-js-step-done = 지금 할 일은 끝났습니다.
el-js-waiting = 다른 관리인들을 기다리는 중…
el-js-encrypting = 이 브라우저에서 암호화하는 중…
el-js-sealed = 암호화되었습니다. 추적 번호를 확인한 뒤 제출하거나 검사하세요.
el-js-audited = 검사 결과가 맞습니다: 이 암호화에는 정확히 여러분의 선택이 들어 있습니다. 그 투표지는 폐기되었으니 투표하려면 다시 암호화하세요.
el-js-audit-failed = 검사에 실패했습니다. 이 기기로 투표하지 말고 간사에게 알리세요
el-js-casting = 제출하는 중…
el-js-cast = 투표지가 제출되었습니다. 추적 번호:
el-js-replaced = 새 투표지가 이전 투표지를 대신합니다. 추적 번호:
el-voters-from = 투표하는 사람
el-voters-all = 투표권이 있는 위원회의 모든 회원
el-voters-present = { $title }에 출석한 회원
el-error-no-voters = 아직 이 선거에서 투표할 사람이 없습니다: 투표권이 있는 출석자가 없습니다.
el-meeting-elections = 이 회의의 비밀 투표
el-authority = 코드 발급자 (유권자의 투표 코드를 만드는 사람)
el-authority-server = 이 서버 (각 코드를 한 번 발급하고 잊습니다)
el-authority-page = 코드 발급자로서 나의 역할
el-authority-help = 이 브라우저에서 모든 유권자의 투표 코드를 만드세요. 나눠 줄 수 있도록 파일로 받습니다 (인쇄하거나 각자에게 전달하세요). 서버는 공개된 부분만 받으므로 누구의 이름으로도 투표할 수 없습니다.
el-make-credentials = 투표 코드 만들기
el-download-credentials = 나눠 줄 투표 코드 내려받기 (CSV)
el-authority-done = 코드 발급자가 투표 코드를 만들었습니다.
el-authority-waiting = 코드 발급자가 투표 코드를 만들기를 기다리는 중입니다.
el-error-credential-count = 유권자 { $voters }명에 대해 공개 코드 { $count }개가 전송되었습니다.
el-slip-label = 카드 { $number }
el-slip-instructions = 회의장 Wi-Fi에서 휴대전화로 코드를 스캔하거나, 선거의 투표하기 페이지를 열고 코드를 입력하세요. 이 카드는 남에게 보여 주지 마세요: 카드를 가진 사람은 여러분 대신 투표할 수 있고, 마지막 투표지만 집계됩니다.
el-error-no-slips = 모든 투표 코드가 이미 발급되어 인쇄할 것이 없습니다.
el-slips-help = 유권자 한 명당 카드 한 장이 지금 만들어지며, 서버는 파일을 만들면서 코드를 잊습니다. 파일을 닫기 전에 인쇄하세요. 투표 시작 전에 다시 인쇄하면 새 카드가 만들어지고 이전 카드는 무효가 됩니다.
el-cli-trustee = 명령줄로 키를 만들었나요?
el-cli-trustee-help = 관리인은 키를 웹 밖에서만 다룰 수도 있습니다: 자신의 컴퓨터에서 kenes로 키를 만들고, 각 단계가 출력하는 공개 파일(.pubkey, 인증서, 다항식, voutput)이나 투표 마감 후의 부분 복호화를 여기로 보내세요.
el-cli-file = 명령줄로 만든 파일
el-cli-send = 파일 보내기
el-roll = 또는 가져온 유권자 명부 (선택)
el-roll-help = 한 줄에 유권자 한 명: 이름, 그리고 쉼표 뒤에 가중치 (큰 위원회의 대의원은 더 많은 표를 가집니다). 이들의 투표 코드는 카드로 인쇄됩니다.
el-error-roll = 명부의 { $line }번째 줄이 올바르지 않습니다: 200자 이하의 이름, 원하면 쉼표와 1에서 1,000,000 사이의 가중치.
el-slip-weighted = { $label } ({ $weight }표)

# needs you now
now-title = 지금 할 일
now-nothing = 지금은 할 일이 없습니다.
now-vote = { $meeting }에서 표결이 진행 중이며 당신의 표를 기다립니다.
now-vote-action = 투표하기
now-meeting-in-session = { $meeting } 회의가 진행 중입니다.
now-meeting-join = 참여하기
now-meeting-check-in = 참여하고 출석하기
now-ballot = 투표가 열려 있습니다: { $election }.
now-ballot-collect = 투표 코드 받기
now-ballot-vote = 투표하기
now-meeting-planned = { $meeting } 회의가 소집되었습니다: { $starts }, { $place }.
now-open = 열기
now-trustee = 키 관리인으로서 당신 차례입니다: { $election }.
now-trustee-action = 키 관리인 페이지 열기
now-decrypt = { $election } 투표가 마감되었습니다. 키 관리인들이 결과를 복호화합니다.
now-finish-setup = { $election } 선거를 준비 중입니다.
now-finish-tally = { $election } 선거가 마감되어 개표를 기다립니다.
manage-title = 협의회 관리
manage-page-title = { $council } 관리

# confirmations
mt-status-cancelled = 취소됨
mt-cancel = 회의 취소…
mt-cancel-question = 이 회의를 취소할까요? 한 번도 열리지 않았으며, 기록에 취소된 회의로 남고 다시 열 수 없습니다.
mt-cancel-confirm = 예, 회의를 취소합니다
mt-close-question = 회의를 폐회할까요? 이후에는 아무것도 할 수 없으며, 회의록은 기록된 내용으로 만들어집니다.
mt-close-confirm = 예, 폐회합니다
member-remove-question = { $name }을(를) 협의회에서 제외할까요? 지난 활동은 기록에 남고, 나중에 새 구성원으로 다시 추가할 수 있습니다.
member-remove-confirm = 예, 제외합니다
link-revoke-question = 이 링크를 철회할까요? 링크를 가진 사람은 더 이상 사용할 수 없습니다.
link-revoke-confirm = 예, 철회합니다
link-qr-label = 링크의 QR 코드
link-qr-hint = 링크를 직접 전하려면 상대가 휴대폰 카메라로 이 코드를 스캔하게 하세요.
back-to-manage = 협의회 관리로 돌아가기

# trustee file
el-keep-file = 이 파일을 안전한 곳에, 가능하면 이 컴퓨터가 아닌 곳에 보관하세요. 결과를 복호화할 때 필요합니다. 페이지가 더 새 파일을 제공하면 그 파일을 대신 보관하세요. 이전 파일의 내용이 모두 들어 있습니다.
el-js-no-file = 먼저 키 관리인 파일을 선택하세요.
el-js-older-file = 이 파일은 마지막 단계 이전의 것입니다. 키는 있지만 복호화 키가 없습니다. 마지막 단계 후에 페이지가 제공한 새 파일을 선택하세요.
el-js-not-trustee-file = kenes의 키 관리인 파일이 아닙니다. 이 선거를 위해 페이지가 제공한 .json 파일을 선택하세요.
el-js-wrong-election = 이 키 관리인 파일은 다른 선거의 것입니다.
el-js-wrong-trustee = 이 파일은 이 선거의 다른 키 관리인의 것입니다.
el-js-key-mismatch = 이 파일의 키가 이 선거와 맞지 않습니다. 이 선거를 위해 보관한 파일을 선택해 다시 시도하세요.

# booth errors
el-js-credential-form = 투표 코드는 다섯 또는 여섯 글자씩 네 묶음입니다: XXXXX-XXXXXX-XXXXX-XXXXXX. 이전 선거에서는 세 글자씩 다섯 묶음입니다: XXX-XXX-XXX-XXX-XXX.
el-js-credential-checksum = 투표 코드에 오타가 있습니다. 용지나 링크와 한 글자씩 비교해 보세요.
el-js-credential-characters = 투표 코드에 쓰이지 않는 글자(0, O, I, l)가 있습니다. 용지나 링크와 비교해 보세요.
el-js-answer-count = 질문 { $question }: 답을 { $min }개에서 { $max }개까지 고르세요(고른 수: { $count }개).

# record
record-event-meta = 사건 { $height }, { $time }
record-as-recorded = 기록 원문:
council-your-role-is = 내 역할: { $role }

# event sentences
ev-council-created = { $kind ->
    [workplace] { $founder } 님이 직장 협의회를 설립했습니다: { $name }.
    [neighbourhood] { $founder } 님이 마을 협의회를 설립했습니다: { $name }.
    [union] { $founder } 님이 노동조합을 설립했습니다: { $name }.
    [cooperative] { $founder } 님이 협동조합을 설립했습니다: { $name }.
    [federation] { $founder } 님이 협의회 연합을 설립했습니다: { $name }.
    [assembly] { $founder } 님이 총회를 설립했습니다: { $name }.
   *[other] { $founder } 님이 협의회를 설립했습니다: { $name } ({ $kind }).
}
ev-member-added = { $via ->
    [invitation] { $role ->
        [member] { $name } 님이 { $by } 님의 초대로 회원으로 가입했습니다.
        [chair] { $name } 님이 { $by } 님의 초대로 의장으로 가입했습니다.
        [secretary] { $name } 님이 { $by } 님의 초대로 서기로 가입했습니다.
        [observer] { $name } 님이 { $by } 님의 초대로 참관인으로 가입했습니다.
       *[other] { $name } 님이 { $by } 님의 초대로 가입했습니다 (역할: { $role }).
    }
   *[other] { $role ->
        [member] { $by } 님이 { $name } 님을 회원으로 추가했습니다.
        [chair] { $by } 님이 { $name } 님을 의장으로 추가했습니다.
        [secretary] { $by } 님이 { $name } 님을 서기로 추가했습니다.
        [observer] { $by } 님이 { $name } 님을 참관인으로 추가했습니다.
       *[other] { $by } 님이 { $name } 님을 추가했습니다 (역할: { $role }).
    }
}
ev-members-imported = { $by } 님이 회원 명부를 가져왔습니다.
ev-member-role-changed = { $role ->
    [member] { $by } 님이 { $member } 님의 역할을 회원으로 바꾸었습니다.
    [chair] { $by } 님이 { $member } 님의 역할을 의장으로 바꾸었습니다.
    [secretary] { $by } 님이 { $member } 님의 역할을 서기로 바꾸었습니다.
    [observer] { $by } 님이 { $member } 님의 역할을 참관인으로 바꾸었습니다.
   *[other] { $by } 님이 { $member } 님의 역할을 바꾸었습니다: { $role }.
}
ev-member-removed = { $by } 님이 { $member } 님을 협의회에서 제외했습니다.
ev-member-renamed = { $by } 님이 한 회원의 표시 이름을 바꾸었습니다: “{ $name }”.
ev-council-updated = { $by } 님이 { $name }의 설정을 바꾸었습니다.
ev-assembly-convened = { $by } 님이 회의를 소집했습니다: “{ $title }”, { $starts }, { $place }.
ev-assembly-opened = { $by } 님이 { $assembly }번 회의를 개회했습니다.
ev-assembly-closed = { $by } 님이 { $assembly }번 회의를 폐회했습니다.
ev-attendance-checked-in = { $member } 님이 { $assembly }번 회의에 출석했습니다 (기록: { $by } 님).
ev-attendance-checked-out = { $member } 님이 { $assembly }번 회의에서 퇴장했습니다 (기록: { $by } 님).
ev-agenda-item-added = { $minutes ->
    [0] { $by } 님이 { $assembly }번 회의에 안건을 추가했습니다: “{ $title }”.
   *[other] { $by } 님이 { $assembly }번 회의에 안건을 추가했습니다: “{ $title }” (예정 시간 { $minutes }분).
}
ev-agenda-item-taken = { $by } 님이 { $assembly }번 회의에서 안건을 상정했습니다.
ev-motion-submitted = { $by } 님이 { $assembly }번 회의에서 동의안을 발의했습니다: “{ $title }”.
ev-motion-seconded = { $by } 님이 { $assembly }번 회의의 { $motion }번 동의안에 재청했습니다.
ev-motion-admitted = { $by } 님이 { $assembly }번 회의의 { $motion }번 동의안을 접수했습니다.
ev-motion-debated = { $by } 님이 { $assembly }번 회의의 { $motion }번 동의안에 대한 토론을 개시했습니다.
ev-motion-withdrawn = { $by } 님이 { $assembly }번 회의의 { $motion }번 동의안을 철회했습니다.
ev-motion-referred = { $by } 님이 { $assembly }번 회의의 { $motion }번 동의안을 회부했습니다.
ev-amendment-submitted = { $by } 님이 { $assembly }번 회의의 { $motion }번 동의안 { $from_line }–{ $to_line }행에 대한 수정안을 냈습니다.
ev-amendment-seconded = { $by } 님이 { $assembly }번 회의의 { $amendment }번 수정안에 재청했습니다.
ev-amendment-withdrawn = { $by } 님이 { $assembly }번 회의의 { $amendment }번 수정안을 철회했습니다.
ev-speaker-requested = { $kind ->
    [for] { $member } 님이 { $assembly }번 회의에서 찬성 발언을 신청했습니다 (기록: { $by } 님).
    [against] { $member } 님이 { $assembly }번 회의에서 반대 발언을 신청했습니다 (기록: { $by } 님).
    [point_of_order] { $member } 님이 { $assembly }번 회의에서 의사진행 발언을 신청했습니다 (기록: { $by } 님).
   *[other] { $member } 님이 { $assembly }번 회의에서 발언을 신청했습니다 (기록: { $by } 님).
}
ev-speaker-withdrawn = { $member } 님이 { $assembly }번 회의의 발언 대기자 명단에서 빠졌습니다 (기록: { $by } 님).
ev-speaker-moved = { $position ->
    [0] { $by } 님이 { $assembly }번 회의의 발언 대기자 명단에서 { $member } 님을 맨 앞으로 옮겼습니다.
   *[other] { $by } 님이 { $assembly }번 회의의 발언 대기자 명단에서 { $member } 님을 앞사람 { $position }명 다음으로 옮겼습니다.
}
ev-speaker-floor-given = { $by } 님이 { $assembly }번 회의에서 다음 발언자에게 발언권을 주었습니다.
ev-speaker-speech-ended = { $by } 님이 { $assembly }번 회의에서 진행 중인 발언을 종료했습니다.
ev-vote-opened = { $mode ->
    [roll_call] { $by } 님이 { $assembly }번 회의에서 “{ $question }”에 대한 호명 투표를 시작했습니다.
    [tellers] { $by } 님이 { $assembly }번 회의에서 “{ $question }”에 대한 표결을 시작했습니다 (개표위원 집계).
   *[other] { $by } 님이 { $assembly }번 회의에서 “{ $question }”에 대한 표결을 시작했습니다.
}
ev-vote-cast = { $choice ->
    [yes] { $by } 님이 { $assembly }번 회의의 { $vote }번 표결에서 찬성했습니다.
    [no] { $by } 님이 { $assembly }번 회의의 { $vote }번 표결에서 반대했습니다.
    [abstain] { $by } 님이 { $assembly }번 회의의 { $vote }번 표결에서 기권했습니다.
   *[other] { $by } 님이 { $assembly }번 회의의 { $vote }번 표결에서 투표했습니다: “{ $choice }”.
}
ev-vote-ranked = { $by } 님이 { $assembly }번 회의의 { $vote }번 표결에서 순위를 매긴 투표지를 냈습니다.
ev-vote-counted = { $by } 님이 { $assembly }번 회의의 { $vote }번 표결 집계를 입력했습니다: 찬성 { $yes }, 반대 { $no }, 기권 { $abstain }.
ev-vote-closed = { $by } 님이 { $assembly }번 회의의 { $vote }번 표결을 종료했습니다.
ev-minutes-annotated = { $by } 님이 { $assembly }번 회의 회의록에 메모를 추가했습니다.
ev-election-announced = { $by } 님이 선거를 공고했습니다: “{ $title }”.
ev-election-opened = { $by } 님이 { $election }번 선거의 투표를 시작했습니다 (유권자 { $voters }명).
ev-election-closed = { $by } 님이 { $election }번 선거의 투표를 마감했습니다: 집계되는 투표지 { $ballots }장.
ev-election-tallied = { $by } 님이 { $election }번 선거 결과의 복호화를 마쳤습니다.
ev-election-published = { $by } 님이 { $election }번 선거를 공개했습니다. 이제 누구나 보고 검증할 수 있습니다.
# projector
pj-time-left = 남은 시간
pj-time-nearly-up = 시간이 거의 다 되었습니다
pj-time-up = 시간이 다 되었습니다
pj-next = 다음 발언자
pj-voted = { $eligible }명 중 { $voted }명 투표
pj-voted-progress = 투표한 구성원
pj-not-voted = 아직 투표하지 않음: { $names }
pj-more-amendments = 대기 중인 수정안: { $count }건
pj-deleted = 삭제
pj-inserted = 추가
# charts
chart-yes = 찬성
chart-no = 반대
chart-abstained = 기권
chart-yes-no-title = { $outcome }. 찬성 { $yes }, 반대 { $no }, 기권 { $abstain }; 점선은 필요한 찬성 { $needed }표를 나타냅니다 ({ $rule }).
chart-needed-line = { $needed }표 필요
chart-elected-mark = 선출
chart-excluded-mark = 탈락
chart-most-votes-mark = 최다 득표
chart-options-title = { $result }. 득표: { $counts }.
chart-schulze-title = { $result }. 각 선택지가 이기는 선택지 수: { $counts }.
chart-schulze-note = 각 막대: 이 선택지가 가장 강한 경로로 이기는 다른 선택지의 수
chart-stages-title = { $result }. { $stages }단계로 개표했으며 단계별로 그렸습니다. 모든 합계는 표에 있습니다.
chart-stage-first = { $number }단계: 1순위 선호
chart-stage-surplus = { $number }단계: { $name }의 잉여표 이양
chart-stage-exclusion = { $number }단계: { $names } 탈락, 그 표를 이양
chart-stage-remaining = { $number }단계: 남은 자리를 채움
chart-stage-tally = { $number }단계
chart-quota = 당선 기준 { $quota }
chart-answers-title = { $question }: { $counts }. 최다 득표: { $names }.
mt-close-vote-question = 표결을 마감할까요? 결과가 바로 집계되며, 이후에는 아무도 투표할 수 없습니다.
mt-close-vote-confirm = 예, 표결을 마감합니다
el-close-question = 투표를 마감할까요? 이후에는 투표지를 받지 않으며, 키 관리인들이 결과를 복호화합니다.
el-close-confirm = 예, 투표를 마감합니다

# Voting codes made before voting opens, and re-issued
el-error-roll-fixed = 투표가 시작되어 선거인 명부가 확정되었습니다. Belenios 2.0에서는 이제 투표 코드를 바꿀 수 없습니다.
el-error-roll-not-server = 이 선거의 투표 코드는 서버가 만들지 않습니다. 현장 모드 용지나 코드 담당 회원이 만듭니다.
el-error-no-credential-to-reissue = 이 회원에게는 바꿀 투표 코드가 없습니다. 먼저 투표 코드를 만드세요.
el-codes = 투표 코드
el-codes-help = 투표 코드는 투표가 시작될 때 만들어집니다. 지금 만들면 회원들이 투표 전에 코드를 받을 수 있고, 투표가 시작되기 전까지 코드를 잃어버린 회원에게 새 코드를 줄 수 있습니다.
el-make-codes = 지금 투표 코드 만들기
el-codes-made = 만든 코드: { $count }. 받은 코드: { $collected }.
el-codes-members = 코드를 받은 사람
el-codes-waiting = 아직 받지 않음
el-codes-collected = 받음
el-reissue = { $name }의 새 투표 코드
el-reissue-question = { $name } 님이 받을 새 코드가 만들어지고, 지금 가진 코드로는 절대 투표할 수 없게 됩니다.
el-reissue-confirm = 새 투표 코드 발급
el-make-codes-again = 모든 투표 코드 다시 만들기
el-make-codes-again-question = 지금까지 만든 코드는 받았든 아니든 모두 투표할 수 없게 되고, 지금 투표할 수 있는 회원은 새 코드를 받습니다.
el-make-codes-again-confirm = 다시 만들기
el-credential-early = 투표 코드가 준비되었습니다. 지금 받아서 보관하세요. 투표가 시작되면 이 코드로 투표합니다.
el-credential-keep = 잘 보관하세요. 투표가 시작되면 이 코드로 투표합니다. 그 전에 잃어버리면 의장이나 서기에게 새 코드를 요청하세요.
now-credential-early = { $election }의 투표 코드를 받을 수 있습니다

# A council's colour
settings-colour = 협의회 페이지 색
colour-none = 없음
colour-red = 빨강
colour-orange = 주황
colour-amber = 호박색
colour-green = 초록
colour-teal = 청록
colour-blue = 파랑
colour-indigo = 남색
colour-purple = 보라
colour-pink = 분홍
colour-grey = 회색
error-colour = 알 수 없는 색입니다. 제시된 색 중에서 고르세요.

# Nodes, sync and copies of the record
nodes-title = 노드
nodes-fork = 분기 발견: 협의회 { $council }…의 홈 노드가 같은 { $height }번에 서로 다른 두 항목에 서명했습니다({ $from }에서 확인). 둘 다 증거로 보관합니다. 누군가 결정할 때까지 이 노드는 그 협의회를 더 이상 따라가거나 전달하지 않습니다.
nodes-card = 이 노드의 카드
nodes-card-help = 이 노드가 기록 사본을 보관하도록 허락할 협의회의 서기에게 이 카드를 전달하세요. 전달할 때 노드 키를 소리 내어 읽어 주면 상대방이 비교할 수 있습니다.
nodes-key = 노드 키:
nodes-peers = 연결된 노드
nodes-no-peers = 아직 연결된 노드가 없습니다. 로컬 네트워크나 인터넷에 있는 노드를 추가해 서로의 기록을 보관하세요.
nodes-peer-failed = 마지막 동기화 실패: { $error }
nodes-peer-synced = 마지막 동기화: { $time }
nodes-peer-new = 아직 동기화하지 않음
nodes-remove = 동기화 중단: { $url }
nodes-remove-question = 이 노드는 더 이상 그곳에서 가져오지 않습니다. 이미 가진 것은 그대로 남습니다.
nodes-remove-confirm = 동기화 중단
nodes-sync-now = 지금 동기화
nodes-add = 노드 연결하기
nodes-add-url = 노드 주소
nodes-add-key = 노드 키 (운영자가 읽어 주는 그대로)
nodes-add-key-help = 적어도 앞의 16자. 키가 맞지 않는 노드와는 아무것도 동기화하지 않습니다.
nodes-add-submit = 키 확인 후 추가
nodes-stick = USB 메모리
nodes-stick-help = 인터넷이 끊긴 곳에서는 USB 메모리로 기록을 옮기세요. 여기 협의회들이 전달을 허락한 내용을 각 협의회가 고른 노드용으로 암호화해 메모리에 쓰고, 메모리에 있는 이 노드용 내용은 도착할 때 확인한 뒤 가져옵니다.
nodes-stick-dir = USB 메모리 안의 폴더 (이 컴퓨터에서 보이는 경로)
nodes-stick-submit = USB 메모리와 동기화
nodes-error-url = 노드 주소는 http:// 또는 https://로 시작합니다.
nodes-error-key = 그 주소에 있는 노드의 키는 입력한 키가 아니라 { $key }입니다. 아무것도 추가하지 않았습니다. 주소를 확인하고, 키는 운영자와 함께 확인하세요.
nodes-error-self = 그 주소는 바로 이 노드입니다.
nodes-added = 추가했습니다: { $url } (노드 키 { $key }). 첫 동기화를 지금 시작합니다.
nodes-syncing = 연결된 모든 노드와 동기화를 시작했습니다. 잠시 후 이 페이지를 새로 고쳐 결과를 확인하세요.
nodes-stick-missing = 이 컴퓨터에는 { $dir } 폴더가 없습니다. USB 메모리를 꽂고 그 안에 있는 폴더의 전체 경로를 입력하세요.
nodes-stick-done = 완료: 메모리에서 최신으로 맞춘 협의회 { $imported }개(새 항목 { $events }개), 메모리에 쓴 것 { $written }개, 다른 노드용으로 남겨 둔 파일 { $skipped }개.
copies-title = 기록 사본
copies-help = 기록에는 회원 이름이 들어 있습니다. 이 협의회의 자체 노드 외에는 여기서 고른 노드만 사본을 받습니다. 각 노드는 사본을 최신으로 유지하며, 함께 선택된 다른 노드에만 전달할 수 있습니다.
copies-cards = 사본을 보관할 수 있는 노드: 노드 카드를 한 줄에 하나씩
copies-cards-hint = 카드는 kenes-node:로 시작하며, 각 노드의 노드 페이지에 표시됩니다.
copies-public = 누구나 사본을 보관할 수 있음 (공개 협의회)
copies-submit = 사본 선택 저장
error-too-many-holders = 사본은 서로 다른 노드 최대 64개까지만 보관할 수 있습니다.
error-node-card = 노드 카드가 올바르지 않습니다. 카드는 kenes-node:, 64자리 노드 키, 콜론, 그리고 age1로 시작하는 age 키로 이루어집니다.

# The record as sentences: copies
ev-council-copies = { $by } 님이 기록의 사본을 보관할 수 있는 노드를 정했습니다.

# Copies on the council's page
copies-fork = 주의: 이 협의회의 기록을 관리하는 노드가 { $height }번 항목에서 서로 다른 두 기록에 서명했습니다({ $from }에서 확인). 이 노드는 둘 다 증거로 보관하며 누군가 결정할 때까지 어느 쪽도 따르지 않습니다.
copies-vouched = 이 기록을 { $height }번 항목까지 검증한 다른 노드: { $count }.

# kenes itself, for a neighbour (spread.rs)
footer-get-kenes = 이 노드에서 kenes 받기
spread-title = 이 노드에서 kenes 받기
spread-intro = 이 노드는 자신이 실행 중인 바로 그 프로그램을 제공하므로, 이 네트워크의 노트북은 인터넷 없이 kenes를 받을 수 있습니다. 실행하기 전에 SHA-256을 신뢰하는 사본과 비교하세요. 다른 곳에서 kenes를 받은 사람과 함께 소리 내어 읽어 보세요.
spread-file = 파일
spread-size = 크기
spread-megabytes = { $mb }MB
spread-platform = 대상
spread-download = kenes 내려받기
spread-check = 확인한 다음 실행하기
spread-check-help = 다른 노트북의 터미널에서:
spread-compare = sha256sum이 출력하는 줄은 위의 SHA-256, 그리고 신뢰하는 사본이 보여 주는 값과 같아야 합니다(모든 노드가 이 페이지에서 자신의 값을 보여 줍니다). 다르면 실행하지 마세요.

# Nodes on this network (sync/nearby.rs)
nodes-nearby = 이 네트워크의 노드
nodes-nearby-off = 꺼짐: 이 노드는 자신을 알리지도 않고 다른 노드를 찾지도 않습니다. 신뢰하는 네트워크에서만 켜세요. 그 네트워크의 누구나 여기에 kenes 노드가 있다는 것을 보게 됩니다.
nodes-nearby-start = 이 노드를 알리고 다른 노드 찾기
nodes-nearby-on = 이 노드는 이 네트워크에 자신을 알리고 들리는 노드를 보여 줍니다. 직접 추가하기 전에는 어떤 노드와도 동기화하지 않습니다.
nodes-nearby-none = 아직 다른 노드가 들리지 않습니다. 응답하는 대로 여기에 나타납니다. 잠시 후 새로 고치세요.
nodes-nearby-add = { $url } 추가
nodes-nearby-compare = 그 노드의 노드 페이지를 열거나 그 옆에 있는 사람에게 물어서, 그 키를 다음과 비교하세요: { $key }. 모든 묶음이 같을 때만 추가하세요.
nodes-nearby-same = 키가 같습니다: 추가
nodes-nearby-stop = 알리기와 찾기 멈추기
nodes-nearby-failed = 로컬 네트워크를 사용할 수 없습니다: { $error }

# Federations: the record's sentences, refusals (federation/)
ev-federation-joined = { $by } 님이 이 협의회가 협의회 연합 “{ $name }”에 가입했다고 기록했습니다.
ev-recall-rule-set = { $by } 님이 소환 기준을 정했습니다: 대의원 소환 청원에는 투표권이 있는 회원 { $percent } %의 서명이 필요합니다.
ev-mandate-given = { $by } 님이 협의회 연합 { $seat }번 의석에 대한 { $delegate } 님의 위임을 기록했습니다.
ev-recall-signed = { $by } 님이 { $mandate }번 위임에 대한 소환 청원에 서명했습니다.
ev-recall-withdrawn = { $by } 님이 { $mandate }번 위임에 대한 소환 청원에서 서명을 철회했습니다.
ev-mandate-recalled = { $by } 님이 협의회가 { $mandate }번 위임을 소환했다고 기록했습니다.
ev-mandate-ended = { $by } 님이 { $mandate }번 위임의 종료를 기록했습니다.
ev-mandate-instructed = { $instruction ->
    [for] { $by } 님이 협의회 연합 { $assembly }번 회의의 { $motion }번 동의안에 대한 협의회의 지시를 기록했습니다: 찬성 투표.
    [against] { $by } 님이 협의회 연합 { $assembly }번 회의의 { $motion }번 동의안에 대한 협의회의 지시를 기록했습니다: 반대 투표.
    [abstain] { $by } 님이 협의회 연합 { $assembly }번 회의의 { $motion }번 동의안에 대한 협의회의 지시를 기록했습니다: 기권.
   *[free] { $by } 님이 협의회 연합 { $assembly }번 회의의 { $motion }번 동의안에 대해 대의원이 자유롭게 투표한다고 기록했습니다.
}
ev-federation-seats-set = { $seats ->
    [0] { $by } 님이 { $name }의 협의회 연합 회원 자격을 해제했습니다.
   *[other] { $by } 님이 { $name }에 협의회 연합 의석 { $seats }석을 배정했습니다. 각 표의 가중치는 { $weight }입니다.
}
ev-delegate-seated = { $by } 님이 소속 협의회의 { $mandate }번 위임에 따라 { $name } 님을 { $seat }번 의석에 배정했습니다.
ev-delegate-unseated = { $reason ->
    [recalled] { $by } 님이 { $member } 님의 의석을 해제했습니다. 소속 협의회가 소환했기 때문입니다.
   *[ended] { $by } 님이 { $member } 님의 의석을 해제했습니다. 위임이 종료되었기 때문입니다.
}

# The federations page (federations/pages.rs)
fd-title = 협의회 연합과 대의원
fd-memberships = 이 협의회가 가입한 협의회 연합
fd-memberships-none = 이 협의회는 아직 협의회 연합에 가입하지 않았습니다.
fd-join = 협의회 연합 가입
fd-join-help = 협의회 연합의 서기에게 연합 ID(64자, 협의회 연합 자체 페이지에 표시됨)를 받은 뒤, 이 협의회가 가입했다는 사실을 여기에 기록하세요.
fd-federation-id = 협의회 연합 ID
fd-federation-name = 협의회 연합 이름
fd-join-submit = 가입 기록
fd-mandates = 대의원과 위임
fd-mandates-none = 아직 부여한 위임이 없습니다.
fd-mandate-line = { $mandate }번 위임: { $delegate } 님, { $federation }의 { $seat }번 의석
fd-active = 유효
fd-recalled = 소환됨
fd-ended = 종료됨
fd-petition = 소환 청원: 필요한 서명 { $needed }개 중 { $signatures }개
fd-sign = { $delegate } 님 소환 청원에 서명
fd-withdraw = 내 서명 철회
fd-instructed = 협의회 연합 { $assembly }번 회의의 { $motion }번 동의안에 대한 지시: { $instruction ->
    [for] 찬성 투표
    [against] 반대 투표
    [abstain] 기권
   *[free] 자유 투표
}
fd-instruction-for = 찬성 투표
fd-instruction-against = 반대 투표
fd-instruction-abstain = 기권
fd-instruction-free = 자유 투표
fd-give = 위임 부여
fd-give-help = 위임은 협의회가 내린 결정을 집행합니다. 그 결정은 가결된 표결, 대의원을 선출한 후보 간 표결, 또는 개표를 마친 선거입니다.
fd-federation = 협의회 연합
fd-seat = 의석
fd-delegate = 대의원
fd-decision = 결정
fd-no-decision = 아직 집행할 결정이 없습니다. 먼저 회의에서 표결하세요.
fd-not-a-number = { $what } 입력란에 정수를 입력하세요.
fd-instructions = 지시 사항 (선택)
fd-give-submit = 위임 기록
fd-recall = { $delegate } 님 소환
fd-recall-help = 청원에 필요한 서명이 모였습니다. 회의에서 소환을 찬반 표결에 부친 뒤, 그 표결을 여기에 기록하세요.
fd-recall-submit = 소환 기록
fd-end = { $mandate }번 위임 종료
fd-end-question = 임기가 끝났거나 대의원이 사임하므로 이 위임을 지금 종료할까요?
fd-end-submit = 위임 종료
fd-instruct = 대의원에게 지시
fd-instruct-help = 협의회 연합의 동의안에 대해 대의원이 어떻게 투표할지 협의회가 표결했다면, 그 결과를 여기에 기록하세요.
fd-meeting = 협의회 연합의 회의 번호
fd-motion = 동의안 번호
fd-instruction = 지시
fd-instruct-submit = 지시 기록
fd-rule = 소환 기준
fd-rule-help = 투표권이 있는 회원 가운데 이 비율만큼 서명하면 소환을 표결에 부칩니다. 현재: { $percent } %.
fd-percent = 백분율
fd-rule-submit = 기준 설정
fd-id = 이 협의회 연합의 ID (회원 협의회에 알려 주세요):
fd-members = 회원 협의회
fd-members-none = 아직 등록된 회원 협의회가 없습니다.
fd-member-line = { $seats ->
   *[other] { $name }: 의석 { $seats }석, 각 표의 가중치 { $weight }
}
fd-list = 회원 협의회 등록 또는 의석 수 변경
fd-council-id = 회원 협의회 ID
fd-council-name = 협의회 이름
fd-seats = 의석 수
fd-weight = 의석당 표의 가중치
fd-list-submit = 저장
fd-seated = 의석을 배정받은 대의원
fd-seated-none = 아직 의석을 배정받은 사람이 없습니다.
fd-seated-line = { $name } 님 ({ $council }, { $seat }번 의석), 표의 가중치 { $weight }
fd-check-checked = { $council }의 기록과 대조해 확인했습니다.
fd-check-unchecked = 아직 확인하지 않았습니다. { $council }의 기록이 이 노드에 없습니다.
fd-check-wrong = 성립하지 않습니다: { $why }
fd-pending = 의석 배정을 기다리는 위임
fd-pending-line = { $delegate } 님, { $council }, { $seat }번 의석 ({ $mandate }번 위임)
fd-seat-submit = { $delegate } 님에게 의석 배정
fd-ended-list = 종료된 위임
fd-unseat-submit = { $name } 님의 의석 해제
fd-past = 의석을 떠난 대의원
fd-past-line = { $reason ->
    [recalled] { $name } 님 ({ $council }): 소속 협의회가 소환함
   *[ended] { $name } 님 ({ $council }): 위임 종료
}
fd-after-end = 위임이 종료된 뒤에 던진 표 (보존하고 표시해 둠): { $votes }
fd-vote-ref = { $assembly }번 회의 { $vote }번 표결
fd-voted = { $voted ->
    [yes] { $delegate } 님은 지시가 허용하는 대로 찬성했습니다.
    [no] { $delegate } 님은 지시가 허용하는 대로 반대했습니다.
   *[abstain] { $delegate } 님은 지시가 허용하는 대로 기권했습니다.
}
fd-voted-against = { $voted ->
    [yes] { $delegate } 님은 협의회의 지시와 달리 찬성했습니다. 회원은 아래에서 소환 청원에 서명할 수 있습니다.
    [no] { $delegate } 님은 협의회의 지시와 달리 반대했습니다. 회원은 아래에서 소환 청원에 서명할 수 있습니다.
   *[abstain] { $delegate } 님은 협의회의 지시와 달리 기권했습니다. 회원은 아래에서 소환 청원에 서명할 수 있습니다.
}

# A delegate's instructions on the meeting page (meetings/page.rs)
fd-your-instructions = { $council }에서 받은 지시
fd-your-instruction = { $motion }번 동의안 “{ $title }”: { $instruction ->
    [for] 찬성 투표
    [against] 반대 투표
    [abstain] 기권
   *[free] 판단에 따라 투표
}

# Decisions that come down from a federation (motion.received)
ev-motion-received = { $by } 님이 협의회 연합의 결정 “{ $title }”을(를) 기록했습니다.

# Motions that travel (federations/pages.rs)
fd-forward = 협의회가 채택한 동의안 제출
fd-forward-help = 협의회 연합 회의에서 지금 다루는 안건 항목에 출처와 함께 올라갑니다. 협의회의 기록을 가진 누구나 그 내용 그대로 채택되었는지 확인할 수 있습니다.
fd-forward-submit = “{ $title }” 제출
fd-no-open-meeting = 협의회 연합에 안건 항목을 다루고 있는 진행 중인 회의가 없습니다.
fd-decisions = 협의회 연합의 결정
fd-decisions-help = 협의회 연합이 채택한 동의안입니다. 여기에 기록하면 출처와 함께 이 협의회의 기록에 들어갑니다.
fd-receive-submit = “{ $title }” 여기에 기록
fd-received = 여기에 기록된 협의회 연합의 결정
fd-origin = 처음 채택: { $council }

# Offices held for a term (councils/offices.rs)
office-title = 직책
office-line = { $name }: { $office }, { $until }까지
office-ends-soon = (임기 곧 종료)
office-give = 직책과 임기
office-give-help = 회원에게 날짜까지 직책(회계, 의장, 회의록 작성자 등)을 맡기세요. 협의회 페이지에 누가 어떤 직책을 언제까지 맡는지 표시됩니다.
office-member = 회원
office-name = 직책
office-name-example = 회계
office-until = 종료일 (그날 끝, UTC)
office-give-submit = 직책 맡기기
office-end = 이 임기를 지금 끝내기
office-end-question = 이 임기를 날짜 전에 끝낼까요(사임 또는 협의회 결정)?
office-end-submit = 임기 끝내기
office-bad-date = 임기 종료를 날짜(연-월-일)로 입력하세요.
ev-office-term-given = { $by } 님이 { $member } 님에게 { $office } 직책을 임기로 맡겼습니다.
ev-office-term-ended = { $by } 님이 { $term }번 직책 임기를 일찍 끝냈습니다.

# Federations: sizes, terms, refusals
fd-by-size = 규모에 따른 가중치: { $date } 기준 대표 회원 { $members }명.
fd-weigh-help = 각 회원 협의회의 의석에 규모에 따라 가중치를 매기세요. 규모는 그 협의회에서 투표할 수 있는 회원 수이며(협의회 연합이면 의석을 배정받은 대의원의 가중치), 이를 그 협의회의 의석에 나누어 줍니다. 규모는 이 노드에 있는 그 협의회의 기록에서 읽고 인용하므로 누구나 확인할 수 있습니다.
fd-weigh-submit = 지금 규모에 따라 의석 가중치 매기기
fd-not-held = 기록이 이 노드에 없어 가중치를 매기지 못했습니다: { $councils }. 이들의 가중치는 그대로입니다.
fd-until = { $date }까지.
fd-term-over = 임기가 { $date }에 끝났습니다. 이 위임을 종료하고 새 위임을 부여하세요.
fd-until-label = 종료일 (선택: 임기 끝)
fr-bad-id = { $id }은(는) 협의회 ID가 아닙니다(소문자 16진수 64자리).
fr-itself = 협의회는 자기 자신의 협의회 연합이나 회원이 될 수 없습니다.
fr-already-joined = 이 협의회는 이미 그 협의회 연합에 가입했습니다.
fr-not-joined = 이 협의회는 그 협의회 연합에 가입하지 않았습니다.
fr-bad-percent = 소환 기준은 1에서 100 % 사이여야 하며, { $percent }은(는) 허용되지 않습니다.
fr-seat-taken = { $seat }번 의석은 이미 { $mandate }번 위임이 차지하고 있습니다.
fr-no-seat = 의석 번호는 1부터 시작합니다.
fr-no-mandate = { $mandate }번 위임이 없습니다.
fr-mandate-ended = { $mandate }번 위임은 종료되었습니다.
fr-already-signed = 이미 이 청원에 서명했습니다.
fr-not-signed = 이 청원에 서명하지 않았습니다.
fr-threshold = 청원 서명은 { $signatures }개이며, 소환을 표결에 부치려면 { $needed }개가 필요합니다.
fr-vote-before-petition = 그 표결은 청원이 기준에 도달하기 전에 시작되었습니다. 소환을 새 표결에 부치세요.
fr-no-vote = { $meeting }번 회의에 { $vote }번 표결이 없습니다.
fr-vote-open = { $meeting }번 회의의 { $vote }번 표결이 아직 끝나지 않았습니다.
fr-not-passed = { $meeting }번 회의의 { $vote }번 표결은 가결되지 않았습니다.
fr-not-elected = { $meeting }번 회의의 { $vote }번 표결에서 { $name } 님은 선출되지 않았습니다.
fr-not-yes-no = 여기에는 찬반 표결이 필요한데, { $meeting }번 회의의 { $vote }번 표결은 여러 선택지 중에서 고르는 표결이었습니다.
fr-not-tallied = 선거 { $election }은(는) 아직 개표되지 않았습니다.
fr-decision-used = 그 결정은 이미 다른 단계에서 집행되었습니다.
fr-not-a-federation = 회원 협의회를 등록하고 대의원에게 의석을 배정하는 것은 협의회 연합만 할 수 있습니다.
fr-not-listed = 그 협의회는 이 협의회 연합의 회원이 아닙니다.
fr-seats-occupied = 이 협의회의 의석 중 { $occupied }석이 차 있어 그보다 줄일 수 없습니다.
fr-bad-weight = 의석의 가중치는 1에서 1,000,000 사이여야 하며, { $weight }은(는) 허용되지 않습니다.
fr-not-by-size = 규모에 따르면 회원 { $members }명을 의석 { $seats }석에 나누어 각 의석의 가중치는 { $expected }이며, { $weight }이(가) 아닙니다.
fr-beyond-seats = { $seat }번 의석은 이 협의회의 의석 수({ $seats }석)를 넘습니다.
fr-mandate-used = 그 협의회의 { $mandate }번 위임에는 이미 의석이 배정되었습니다.
fr-citation-council = 인용한 기록이 이 의석의 협의회가 아닌 다른 협의회의 것입니다.
fr-not-seated = 그 회원에게는 배정된 의석이 없습니다.
fr-not-the-delegate = 위임은 대의원 본인이나 의장 또는 서기만 종료할 수 있습니다.
fr-not-your-council = 대의원은 자기 협의회가 채택한 동의안만 제출할 수 있습니다.
fr-already-received = 협의회 연합의 그 결정은 이미 여기에 기록되어 있습니다.
fr-citation-wrong = 인용이 이 노드의 기록과 맞지 않습니다: { $why }
fr-term-ends-before = 임기 종료일은 시작일 이후여야 합니다.
fr-no-term = { $term }번 직책 임기가 없습니다.
fr-term-ended = { $term }번 직책 임기는 끝났습니다.

# Ranked secret ballots
el-kind = 유권자의 답변 방식
el-kind-mark = 답변에 표시
el-kind-irv = 순위 매기기: 즉석 결선 투표 (당선자 한 명)
el-kind-stv = 순위 매기기: 단기 이양식 투표 (여러 자리)
el-kind-schulze = 순위 매기기: 슐체 방식 (콩도르세)
el-kind-borda = 순위 매기기: 보르다 방식
el-kind-mj = 다수 판정
el-seats = 선출할 자리 수 (단기 이양식 투표)
el-kind-help = 순위 투표지도 비밀이 지켜집니다: 관리인들이 복호화하기 전에 투표지를 섞으므로, 각 순위가 누구의 것인지 아무도 모르는 채로 집계됩니다. 이때 모든 유권자는 한 번씩 집계됩니다.
el-error-ranked-weights = 순위 질문은 모든 투표지를 한 번씩 집계합니다: 가중치가 있는 명부에서는 순위 질문을 쓸 수 없습니다.
el-js-rank-none = 질문 { $question }: 가장 원하는 답에 1순위를 주세요.
el-js-rank-gap = 질문 { $question }: 1, 2, 3… 순위를 차례대로 한 번씩만 쓰세요.
el-rank-how = 가장 원하는 답에 1순위, 그다음 답에 2순위를 주는 식으로 매기세요. { $count }개 모두에 순위를 매길 필요는 없습니다.
el-rank-none = 순위 없음
el-rank-n = { $rank }순위
el-js-shuffle-needed = 투표가 마감되었습니다. 누구든 복호화하기 전에 관리인마다 순위 투표지를 섞습니다: “이 브라우저에서 섞기”를 누르거나, 자신의 컴퓨터에서 섞은 뒤 파일을 보내세요.
el-js-shuffle-waiting = 섞기가 접수되었습니다. 다른 관리인들이 섞기를 마치기를 기다리는 중입니다. 그다음에 복호화합니다.
el-shuffle-help = 섞기는 투표지를 비밀 순서로 다시 암호화하고 이를 증명하므로, 어느 순위가 누구의 것인지 아무도 알 수 없습니다.
el-shuffle-send = 그다음 아래의 “명령줄로 만든 파일”로 shuffle.txt를 보내세요.
el-error-shuffle = 섞기가 거부되었습니다: { $reason }
el-ranked-seats = { $method }, { $seats }석
el-ranked-ballots = 투표지 { $count }장, 섞은 관리인: { $trustees }
el-ranked-elected = 선출: { $names }
el-ranked-lots = 동점은 { $seed }(복호화된 결과의 해시에서 얻은 값)로 추첨해 가렸으므로, 누가 다시 개표해도 같은 추첨 결과가 나옵니다.
el-ranked-count-failed = 개표에 실패했습니다: { $reason }
el-ranked-ballots-list = 복호화된 투표지 (섞인 순서; 각 숫자는 순위)

# Ranked secret ballots
el-method-borda = 보르다 방식 (순위)

# Ranked secret ballots
el-shuffle-here = 이 브라우저에서 섞기
el-shuffle-or = 또는 자신의 컴퓨터에서 명령줄로 섞으세요:
el-js-shuffling = 섞고 증명하는 중…

# The election's group
el-group = 암호 그룹
el-group-help = Ed25519(Belenios 3)는 휴대폰에서 가장 빠릅니다. BELENIOS-2048은 belenios-tool 2.0으로 선거를 검증할 때 쓰며, 순위 질문을 담을 수 없습니다. RFC-3526-2048은 순위 질문을 담을 수 있는 2048비트 그룹입니다.
el-error-ranked-group = 순위 질문은 BELENIOS-2048에서 진행할 수 없습니다. Ed25519 또는 RFC-3526-2048을 선택하세요.

# STV's rules in the set-up form
el-rules = 규칙
el-rules-scottish = 스코틀랜드 STV 규칙
el-rules-wigm = 가중 포괄 그레고리 방식
el-rules-ers97 = ERS97 규칙
el-rules-meek = 미크 방식

# Majority judgment in the set-up form, the booth and the result
el-grades = 등급(다수 판단), 가장 좋은 것부터 한 줄에 하나씩
el-grades-example = 매우 좋음 / 좋음 / 보통 / 나쁨 / 거부, 한 줄에 하나씩
el-grade-how = 모든 후보에게 등급을 매기세요. 중앙값 등급이 가장 좋은 후보가 이깁니다.
el-grade-none = 등급 선택
el-js-grade-missing = 질문 { $question }: 모든 후보에게 등급을 매기세요.
el-answer = 답
el-majority-grade = 다수 등급

# Who has shuffled, on the election's page
el-trustee-shuffled = 순위 투표지를 섞음
el-trustee-to-shuffle = 아직 순위 투표지를 섞지 않음
