// Japanese for the texts of the bundled components (bpmn-js's palette and context pad, bpmn-js-bpmnlint, the
// bpmnlint rules of .bpmnlintrc): used when the page is in Japanese; in English their own texts are shown.

const BPMN_JS = {
  'Activate hand tool': '手のひらツール（図を動かす）',
  'Activate lasso tool': '投げ縄ツール（まとめて選ぶ）',
  'Activate create/remove space tool': '空白を広げる・詰めるツール',
  'Activate global connect tool': '接続ツール',
  'Create start event': '開始イベントを作る',
  'Create intermediate/boundary event': '中間イベント・境界イベントを作る',
  'Create end event': '終了イベントを作る',
  'Create gateway': 'ゲートウェイを作る',
  'Create task': 'タスクを作る',
  'Create expanded sub-process': 'サブプロセスを作る',
  'Create data object reference': 'データオブジェクトを作る',
  'Create data store reference': 'データストアを作る',
  'Create pool/participant': 'プール（参加者）を作る',
  'Create group': 'グループを作る',
  'Append end event': '後に終了イベントを追加',
  'Append gateway': '後にゲートウェイを追加',
  'Append task': '後にタスクを追加',
  'Append intermediate/boundary event': '後に中間イベントを追加',
  'Append receive task': '後に受信タスクを追加',
  'Add text annotation': '注釈を追加',
  'Add lane above': '上にレーンを追加',
  'Add lane below': '下にレーンを追加',
  'Divide into two lanes': 'レーンを2つに分ける',
  'Divide into three lanes': 'レーンを3つに分ける',
  'Change element': '種類を変える',
  'Delete': '削除',
  'Connect to other element': 'ほかの要素につなぐ',
  'Connect using association': '関連線でつなぐ',
  '{errors} Errors, {warnings} Warnings': 'エラー {errors}件・警告 {warnings}件',
  'No Issues': '問題なし',
  'Toggle linting overlays': 'チェック結果の表示を切り替える'
};

/** What each rule of bpmnlint:recommended asks for, and what to do about it. */
export const RULES_JA = {
  'ad-hoc-sub-process': 'アドホック・サブプロセスの中に開始・終了イベントがあります。取り除いてください。',
  'conditional-flows': '分岐の流れに条件がありません。条件を書くか、デフォルトの流れにしてください。',
  'end-event-required': '終了イベントがありません。流れの最後に終了イベントを置いてください。',
  'event-based-gateway': 'イベントベース・ゲートウェイの後には、中間イベントか受信タスクをつないでください。',
  'event-sub-process-typed-start-event': 'イベント・サブプロセスの開始イベントに種類（メッセージ・タイマーなど）を付けてください。',
  'fake-join': 'ゲートウェイを使わずに流れが合流しています。合流にはゲートウェイを置いてください。',
  'global': 'メッセージ・エラー・シグナルなどの定義が重複しているか、使われていません。',
  'label-required': '名前がありません。要素を選び、E キーかダブルクリックで名前を付けてください。',
  'link-event': 'リンクイベントの組（投げる側と受ける側）が揃っていないか、名前が合っていません。',
  'no-bpmndi': '図に描かれていない要素があります。図の上に描き直してください。',
  'no-complex-gateway': '複合ゲートウェイは使わず、排他・並列ゲートウェイで表してください。',
  'no-disconnected': 'どこにもつながっていません。流れにつなぐか、削除してください。',
  'no-duplicate-sequence-flows': '同じ要素の間に流れが2本あります。1本を削除してください。',
  'no-gateway-join-fork': '1つのゲートウェイで合流と分岐をしています。ゲートウェイを2つに分けてください。',
  'no-implicit-split': 'ゲートウェイを使わずに流れが分かれています。分岐にはゲートウェイを置いてください。',
  'no-implicit-end': '終了イベントにつながらずに流れが終わっています。最後に終了イベントをつないでください。',
  'no-implicit-start': '開始イベントからつながらずに流れが始まっています。開始イベントからつないでください。',
  'no-inclusive-gateway': '包含ゲートウェイです。排他・並列ゲートウェイで表せないか確かめてください。',
  'no-overlapping-elements': '要素が重なっています。ずらして置いてください。',
  'single-blank-start-event': '種類のない開始イベントが複数あります。1つにしてください。',
  'single-event-definition': '1つのイベントに種類が複数付いています。1つにしてください。',
  'start-event-required': '開始イベントがありません。流れの最初に開始イベントを置いてください。',
  'sub-process-blank-start-event': 'サブプロセスの開始イベントには種類を付けないでください。',
  'superfluous-gateway': '入る流れも出る流れも1本だけのゲートウェイです。不要なら削除してください。',
  'superfluous-label': 'この要素の名前は図に表示されません。不要なら消してください。',
  'superfluous-termination': '終了を強制するイベント（停止終了）は不要です。通常の終了イベントにしてください。'
};

/** bpmn-js's translate service: Japanese where known, else the component's own text; {name} placeholders filled. */
export function translateModule(japanese) {
  function translate(template, replacements) {
    const text = (japanese && BPMN_JS[template]) || template;
    return text.replace(/{([^}]+)}/g, (match, key) => (replacements && key in replacements ? replacements[key] : match));
  }
  return { translate: ['value', translate] };
}
