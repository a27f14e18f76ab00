/** English messages. Typed against zh-CN: a missing or extra key fails typecheck. */
import { appealsEn } from './appeals.en';
import { adminEn } from './admin.en';
import { securityEn } from './security.en';
import { inspectionEn } from './inspection.en';
import { libraryEn } from './library.en';
import { oversightEn } from './oversight.en';
import { riskEn } from './risk.en';
import { alertsEn } from './alerts.en';
import { settingsEn } from './settings.en';
import { targetsEn } from './targets.en';
import { workflowEn } from './workflow.en';
import { logEn } from './log.en';
import type { Messages } from './types';

export const en: Messages = {
  ...adminEn,
  ...inspectionEn,
  ...libraryEn,
  ...oversightEn,
  ...riskEn,
  ...alertsEn,
  ...appealsEn,
  ...securityEn,
  ...settingsEn,
  ...targetsEn,
  ...workflowEn,
  ...logEn,
  'app.name': 'Double-Random, One-Public Supervision Platform',
  'app.shortName': 'OpenSSJ',
  'app.console': 'OpenSSJ Console',

  'lang.switch': 'Language',
  'lang.zh-CN': '中文',
  'lang.en': 'English',

  'role.system_admin': 'System admin',
  'role.dept_admin': 'Department admin',
  'role.leader': 'Leader',
  'role.inspector': 'Inspector',
  'role.auditor': 'Auditor',

  'nav.home': 'Workbench',
  'nav.items': 'Inspection items',
  'nav.targets': 'Target library',
  'nav.inspectors': 'Inspector library',
  'nav.plans': 'Plans',
  'nav.planApproval': 'Plan approval',
  'nav.tasks': 'Tasks',
  'nav.imports': 'Data import',
  'nav.reviews': 'Result review',
  'nav.dashboard': 'Statistics',
  'nav.myInspections': 'My inspections',
  'nav.audit': 'Audit log',
  'nav.org': 'Organisation',
  'nav.users': 'Users',
  'nav.holidays': 'Holiday calendar',

  'layout.menu': 'Menu',
  'layout.logout': 'Log out',
  'layout.loggedOut': 'Logged out',
  'layout.portal': 'Public portal',
  'layout.noRoles': 'Your account has no role yet',
  'layout.noRolesHint': 'Ask a system administrator to assign you a role, then log in again.',

  'workbench.welcome': 'Welcome, {name}',
  'workbench.department': 'Department',
  'workbench.region': 'Region',
  'workbench.roles': 'Roles',
  'workbench.username': 'Username',
  'progress.draw': 'Draw progress',
  'progress.scoring': 'Scoring progress',
  'progress.import': 'Import progress',
  'progress.points': 'Share of this indicator’s points',
  'progress.usage': 'Share of departments using tiers',
  'workbench.shortcuts': 'Shortcuts',
  'workbench.todos': 'To do',
  'workbench.todos.none': 'Nothing is waiting for you',
  'workbench.todos.open': 'Open',
  'todo.visits_returned': 'Visits returned for correction',
  'todo.visits_open': 'Visits to complete',
  'todo.abandons_to_approve': 'Draw abandonments waiting for approval',
  'todo.plans_to_approve': 'Plans waiting for approval',
  'todo.plans_to_approve.year': 'Plans waiting for approval (from {year})',
  'todo.reviews_pending': 'Results waiting for review',
  'todo.results_to_publish': 'Reviewed results to publish',
  'todo.publication_overdue': 'Tasks past their publication deadline',
  'todo.follow_ups_overdue': 'Overdue follow-ups',
  'todo.tasks_to_draw': 'Tasks waiting for their draw',
  'todo.joint_to_answer': 'Joint-inspection proposals to answer',
  'todo.certificates': 'Certificates expired or expiring within 30 days',
  'todo.holiday_years_missing': 'Years without a holiday calendar',

  'forbidden.title': 'Access denied',
  'forbidden.description': 'Your roles do not give access to this page.',

  'notFound.title': 'Page not found',
  'notFound.description':
    'The page you asked for does not exist or has been removed. Please check the address.',
  'notFound.backHome': 'Back to home',
  'notFound.backConsole': 'Back to workbench',

  'routeError.title': 'The page failed to load',
  'routeError.description':
    'The network may be down or the system was updated. Reload the page and try again.',
  'routeError.reload': 'Reload',

  'session.expired': 'Your session has expired. Please log in again.',
  'session.loadFailed': 'Could not check your login',
  'session.retry': 'Retry',

  'login.title': 'Staff login',
  'login.subtitle': 'Random targets · random inspectors · results published to the public',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.usernameRequired': 'Enter your username',
  'login.passwordRequired': 'Enter your password',
  'login.submit': 'Log in',
  'login.failed': 'Login failed',
  'login.badCredentials': 'Wrong username or password.',
  'login.locked': 'Too many failed logins: the account is locked until {time}.',
  'login.lockedNoTime': 'Too many failed logins: the account is locked for a while. Try again later.',
  'login.rateLimited': 'Too many login attempts. Try again later.',
  'login.rateLimitedSeconds': 'Too many login attempts. Try again in {seconds} s.',
  'login.demoAccounts': 'Demo accounts',
  'login.demoHint':
    'The demo accounts share one password, shown once at the first server start and kept in demo-accounts.txt in the data directory. Click an account to fill in its username:',
  'login.demoUsername': 'Username',
  'login.demoRole': 'Role',
  'login.toPortal': 'Back to the public portal',

  'error.network': 'Network error. Check your connection and try again.',
  'error.http': 'The service is unavailable (HTTP {status}). Try again later.',
  'error.title': 'The operation failed',

  'portal.title': 'Double-Random, One-Public Disclosure',
  'portal.subtitle': 'Public disclosure of joint random inspections in market supervision',
  'portal.staffLogin': 'Staff login',
  'portal.home': 'Home',
  'portal.intro':
    'Under the State Council Opinions on joint “double-random, one-public” supervision in market regulation (Guo Fa [2019] No. 5), this site publishes the inspection item lists, annual plans, tasks, draws and inspection results for public scrutiny.',
  'portal.principle1': 'Targets drawn at random',
  'portal.principle2': 'Inspectors drawn at random',
  'portal.principle3': 'Inspections and results made public',
  'portal.section.items': 'Inspection items',
  'portal.section.items.desc':
    'Each department’s random-inspection items: legal basis, subject, content and method.',
  'portal.section.items.empty': 'No inspection items published yet',
  'portal.section.plans': 'Plans',
  'portal.section.plans.desc': 'Annual inspection plans and joint inspection tasks of each department.',
  'portal.section.plans.empty': 'No plans published yet',
  'portal.section.results': 'Results',
  'portal.section.results.desc':
    'Inspection results are published within 20 working days after an inspection ends.',
  'portal.section.results.empty': 'No results published yet',
  'portal.section.draws': 'Draws and verification',
  'portal.section.draws.desc':
    'Each draw publishes its commitment, seed and selections; anyone can verify it in the browser.',
  'portal.section.draws.empty': 'No draws published yet',
  'portal.col.itemName': 'Item',
  'portal.col.itemPriority': 'Category',
  'portal.col.method': 'Method',
  'portal.col.department': 'Department',
  'portal.col.planName': 'Plan',
  'portal.col.year': 'Year',
  'portal.col.publishedAt': 'Published',
  'portal.col.entityName': 'Target',
  'portal.col.uscc': 'USCC',
  'portal.col.result': 'Result',
  'portal.items.search': 'Search by item name or code',
  'portal.items.allDepartments': 'All departments',
  'portal.items.guideline': 'Inspection guideline',
  'portal.col.taskName': 'Task',
  'portal.col.drawnAt': 'Drawn at',
  'portal.col.seedSource': 'Seed source',
  'portal.viewAll': 'View all',
  'portal.verify': 'View and verify',
  'portal.col.verify': 'Verify',
  'portal.footer.basis': 'Legal basis: Guo Fa [2019] No. 5',
  'portal.footer.software': 'Powered by the open-source OpenSSJ',
  'portal.freshness.live': 'Data is live',
  'portal.freshness.behind': 'Data synced about {n} s ago (read replica)',
};
