/**
 * Script-injection payloads for every page that shows repository text: the review webview's (test/
 * e2e/review.test.ts) and the classic vectors of the OWASP XSS filter-evasion list that Markdown can
 * carry (raw HTML, link and image URLs, attributes, entities, SVG, data: and javascript: schemes).
 */
export const XSS_PAYLOADS: readonly string[] = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(2)</script>',
  '</script><script>alert(5)</script>',
  '<svg onload=alert(3)>',
  '<svg><script>alert(8)</script></svg>',
  '<iframe src="javascript:alert(9)"></iframe>',
  '<a href="javascript:alert(7)">click</a>',
  '<div style="background:url(javascript:alert(10))">x</div>',
  '<body onload=alert(11)>',
  '<input autofocus onfocus=alert(12)>',
  '<details open ontoggle=alert(13)>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxNCk8L3NjcmlwdD4="></object>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(15)>',
  '<b onmouseover=alert(16)>bold</b>',
  '[click](javascript:alert(17))',
  '[click](JaVaScRiPt:alert(18))',
  '[click](  javascript:alert(19))',
  '[click](java\tscript:alert(20))',
  '[click](&#106;avascript:alert(21))',
  '[click](data:text/html,<script>alert(22)</script>)',
  '[click](vbscript:msgbox(23))',
  '![x](javascript:alert(24))',
  '![x](x" onerror="alert(25))',
  '[x](https://example.com" onmouseover="alert(26))',
  '[ref]\n\n[ref]: javascript:alert(27)',
  '<https://example.com/"onmouseover="alert(28)>',
  '`<script>alert(29)</script>`',
  '```html\n<script>alert(30)</script>\n```',
  '| a | <img src=x onerror=alert(31)> |\n|---|---|\n| <script>alert(32)</script> | b |',
  '<!-- --><script>alert(33)</script>',
  '<p title="</p><script>alert(34)</script>">',
];
