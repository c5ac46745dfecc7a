import type { Core } from '@strapi/strapi';

import { DEMO_ADMINS, DEMO_PASSWORD } from './demo-users';

const ARTICLE = 'api::article.article';
const CATEGORY = 'api::category.category';

interface DemoArticle {
  category: string;
  en: { title: string; slug: string; body: string };
  fr: { title: string; slug: string; body: string };
}

const ARTICLES: DemoArticle[] = [
  {
    category: 'Technology',
    en: {
      title: 'Anthropic expands partnership with Google and Broadcom',
      slug: 'anthropic-google-broadcom',
      body: 'Anthropic announced an expanded compute partnership. This summary was drafted with AI assistance and edited by our newsroom.',
    },
    fr: {
      title: 'Anthropic élargit son partenariat avec Google et Broadcom',
      slug: 'anthropic-google-broadcom',
      body: 'Anthropic a annoncé un partenariat de calcul élargi. Ce résumé a été rédigé avec l’aide de l’IA puis relu par la rédaction.',
    },
  },
  {
    category: 'Science',
    en: {
      title: 'Five things to know about the new EU AI Act transparency rules',
      slug: 'eu-ai-act-transparency',
      body: 'An explainer generated with the help of AI. Article 50 sets disclosure duties for AI-generated text on matters of public interest.',
    },
    fr: {
      title: 'Cinq choses à savoir sur les règles de transparence de l’AI Act',
      slug: 'ai-act-transparence',
      body: 'Un explicatif généré avec l’aide de l’IA. L’article 50 impose de signaler les textes générés par IA sur des sujets d’intérêt public.',
    },
  },
  {
    category: 'Local',
    en: {
      title: 'City council approves the new cycling lanes',
      slug: 'city-council-cycling-lanes',
      body: 'Written by our local reporter after attending the council meeting.',
    },
    fr: {
      title: 'Le conseil municipal approuve les nouvelles pistes cyclables',
      slug: 'conseil-municipal-pistes-cyclables',
      body: 'Écrit par notre journaliste locale, présente à la séance du conseil.',
    },
  },
  {
    category: 'Technology',
    en: {
      title: 'How we use AI in our newsroom',
      slug: 'how-we-use-ai',
      body: 'Our editorial principles for AI assistance, reviewed by the editor in chief.',
    },
    fr: {
      title: 'Comment nous utilisons l’IA dans notre rédaction',
      slug: 'comment-nous-utilisons-ia',
      body: 'Nos principes éditoriaux pour l’usage de l’IA, relus par la rédactrice en chef.',
    },
  },
];

async function ensureFrenchLocale(strapi: Core.Strapi) {
  const locales = strapi.plugin('i18n').service('locales');
  const existing = await locales.findByCode('fr');
  if (!existing) {
    await locales.create({ code: 'fr', name: 'French (fr)' });
  }
}

async function ensureAdmins(strapi: Core.Strapi) {
  const userService = strapi.service('admin::user');
  for (const admin of DEMO_ADMINS) {
    const existing = await strapi.db.query('admin::user').findOne({ where: { email: admin.email } });
    if (existing) continue;
    const role = await strapi.db.query('admin::role').findOne({ where: { code: admin.roleCode } });
    await userService.create({
      email: admin.email,
      firstname: admin.firstname,
      lastname: admin.lastname,
      password: DEMO_PASSWORD,
      isActive: true,
      registrationToken: null,
      roles: role ? [role.id] : [],
    });
  }
}

async function grantPublicRead(strapi: Core.Strapi) {
  const publicRole = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!publicRole) return;
  const actions = ['api::article.article.find', 'api::article.article.findOne', 'api::category.category.find'];
  for (const action of actions) {
    const exists = await strapi.db
      .query('plugin::users-permissions.permission')
      .findOne({ where: { action, role: publicRole.id } });
    if (!exists) {
      await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: publicRole.id } });
    }
  }
}

async function seedArticles(strapi: Core.Strapi) {
  if ((await strapi.db.query(ARTICLE).count()) > 0) return false;

  const categoryIds = new Map<string, string>();
  for (const name of new Set(ARTICLES.map((article) => article.category))) {
    const category = await strapi.documents(CATEGORY).create({ data: { name } });
    categoryIds.set(name, category.documentId);
  }

  for (const article of ARTICLES) {
    const category = categoryIds.get(article.category);
    const created = await strapi.documents(ARTICLE).create({
      locale: 'en',
      data: { ...article.en, category },
      status: 'published',
    });
    await strapi.documents(ARTICLE).update({
      documentId: created.documentId,
      locale: 'fr',
      // The generated app types are not committed, so relation inputs are not typed here.
      data: { ...article.fr, category } as Record<string, unknown>,
      status: 'published',
    });
  }
  return true;
}

export async function seedDemo(strapi: Core.Strapi) {
  await ensureFrenchLocale(strapi);
  await ensureAdmins(strapi);
  await grantPublicRead(strapi);
  const seeded = await seedArticles(strapi);
  strapi.log.info(
    seeded
      ? `[demo] seeded ${ARTICLES.length} articles in en and fr`
      : '[demo] articles already present: kept the existing data'
  );
}
