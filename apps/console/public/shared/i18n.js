// The sign-in form's words, the same on both pages; each page spreads them into its own TEXT.
export const SIGN_IN_TEXT = {
  en: {
    signIn: 'Sign in',
    signOut: 'Sign out',
    username: 'User name',
    password: 'Password',
    badLogin: 'Wrong user name or password',
  },
  zh: {
    signIn: '登录',
    signOut: '退出',
    username: '用户名',
    password: '密码',
    badLogin: '用户名或密码错误',
  },
};
