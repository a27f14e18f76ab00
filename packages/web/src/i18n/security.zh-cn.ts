/** zh-CN messages of the first-start safety screens: demo banner, forced password change (issue 10; merged into zh-cn.ts). */
export const securityZhCN = {
  'demo.banner': '演示环境：数据均为虚构，仅供体验，请勿录入真实数据或用于生产。',
  'demo.tag': '演示环境',
  'password.title': '修改密码',
  'password.mustChange': '您的密码由管理员设置。为保证账号安全，请先设置只有您知道的新密码，再使用本平台。',
  'password.current': '当前密码',
  'password.new': '新密码',
  'password.confirm': '确认新密码',
  'password.required': '请输入密码',
  'password.mismatch': '两次输入的新密码不一致',
  'password.rule': '至少 10 个字符，包含大写字母、小写字母、数字、符号中的至少三类，且不能包含用户名。',
  'password.submit': '确认修改',
  'password.done': '密码已修改，请用新密码重新登录',
  'password.failed': '修改失败',
  'password.change': '修改密码',
  'password.back': '返回',
} as const;
