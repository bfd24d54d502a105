import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import {
  compilePhrase, LANGUAGES, matchShapes, phraseLanguagesOf, PHRASE_FILES, SHAPES, unicodeSource, type PhraseShape,
} from '../../../src/cleanup/phrases';
import { normaliseText } from '../../../src/dom/text';

const shapesOf = (text: string): PhraseShape[] => matchShapes(normaliseText(text)).map((m) => m.shape);

/** One phrase per shape and language, as pages print them. */
const EXAMPLES: Record<string, Partial<Record<PhraseShape, string>>> = {
  en: {
    gate: 'Subscribe to continue reading',
    member: 'Already a subscriber? Log in',
    trial: 'Start your 14-day free trial',
    app: 'Download the app',
    newsletter: 'Sign up for our daily newsletter',
    rail: 'Related Stories',
  },
  fr: {
    gate: 'Cet article est réservé aux abonnés',
    member: 'Déjà abonné ? Se connecter',
    trial: 'Essai gratuit pendant 30 jours',
    app: "Téléchargez l’application",
    newsletter: 'Inscrivez-vous à notre newsletter',
    rail: 'À lire aussi',
  },
  de: {
    gate: 'Jetzt weiterlesen mit SZ Plus',
    member: 'Bereits Abonnent? Hier anmelden',
    trial: 'Jetzt kostenlos testen',
    app: 'Laden Sie die App herunter',
    newsletter: 'Newsletter abonnieren',
    rail: 'Mehr zum Thema',
  },
  es: {
    gate: 'Suscríbete para seguir leyendo',
    member: '¿Ya eres suscriptor?',
    trial: 'Prueba gratis durante un mes',
    app: 'Descarga la app',
    newsletter: 'Suscríbete a nuestra newsletter',
    rail: 'Te puede interesar',
  },
  pt: {
    gate: 'Conteúdo exclusivo para assinantes',
    member: 'Já é assinante?',
    trial: 'Teste grátis por 30 dias',
    app: 'Baixe o aplicativo',
    newsletter: 'Assine a nossa newsletter',
    rail: 'Leia também',
  },
  it: {
    gate: 'Abbonati per continuare a leggere',
    member: 'Sei già abbonato?',
    trial: 'Prova gratis per un mese',
    app: "Scarica l'app",
    newsletter: 'Iscriviti alla nostra newsletter',
    rail: 'Leggi anche',
  },
};

/** Running prose in each language that mentions signing up, apps or subscriptions without being an upsell. */
const PROSE: Record<string, string[]> = {
  en: [
    'Residents were asked to sign up for the new bus service before the end of the month, the council said.',
    'Related work on street trees has mostly relied on aerial imagery.',
  ],
  fr: ["Les habitants ont été invités à s'inscrire au nouveau service de bus avant la fin du mois, a précisé la mairie."],
  de: ['Die Anwohner sollten sich bis Ende des Monats für den neuen Busdienst anmelden, teilte die Stadt mit.'],
  es: ['Los vecinos debían inscribirse en el nuevo servicio de autobús antes de fin de mes, informó el ayuntamiento.'],
  pt: ['Os moradores foram convidados a se inscrever no novo serviço de ônibus até o fim do mês, disse a prefeitura.'],
  it: ["I residenti dovevano iscriversi al nuovo servizio di autobus entro la fine del mese, ha detto il comune."],
};

describe('phrase data files', () => {
  it('ships en, fr, de, es, pt and it', () => {
    expect([...LANGUAGES].sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'pt']);
  });

  for (const file of PHRASE_FILES) {
    it(`${file.lang}: every shape is known, every pattern compiles and none matches the empty string`, () => {
      for (const [shape, patterns] of Object.entries(file.shapes)) {
        expect(SHAPES as readonly string[]).toContain(shape);
        for (const p of patterns ?? []) {
          const re = compilePhrase(p);
          expect(re.test(''), `${file.lang}/${shape}: ${p}`).toBe(false);
        }
      }
    });

    it(`${file.lang}: has gate, member, trial, app, newsletter and rail phrases`, () => {
      for (const shape of ['gate', 'member', 'trial', 'app', 'newsletter', 'rail'] as const) {
        expect(file.shapes[shape]?.length ?? 0, `${file.lang}/${shape}`).toBeGreaterThan(0);
      }
    });
  }
});

describe('phrases are recognised per language and shape', () => {
  for (const [lang, byShape] of Object.entries(EXAMPLES)) {
    for (const [shape, text] of Object.entries(byShape)) {
      it(`${lang} ${shape}: "${text}"`, () => {
        expect(shapesOf(text)).toContain(shape);
      });
    }
  }

  it('matches regardless of case and curly apostrophes', () => {
    expect(shapesOf('ALREADY A MEMBER? SIGN IN HERE')).toContain('member');
    expect(shapesOf('100’s of premium titles.')).toContain('value');
  });

  it('knows the inkl chrome from the seed page', () => {
    expect(shapesOf('Sign up to read this article')).toContain('gate');
    expect(shapesOf('Fourteen days free')).toContain('trial');
    expect(shapesOf('Top stories on inkl right now')).toContain('rail');
    expect(shapesOf('One app. One membership. 100+ trusted global sources.')).toContain('value');
  });
});

describe('running prose is not an upsell phrase', () => {
  for (const [lang, sentences] of Object.entries(PROSE)) {
    for (const s of sentences) {
      it(`${lang}: "${s.slice(0, 50)}…"`, () => {
        expect(shapesOf(s).filter((x) => x !== 'share' && x !== 'chrome')).toEqual([]);
      });
    }
  }
});

describe('unicodeSource', () => {
  it('keeps ASCII word boundaries and makes accented ones Unicode-aware', () => {
    expect(compilePhrase('déjà abonné\\b').test('déjà abonné ?')).toBe(true);
    expect(compilePhrase('déjà abonné\\b').test('déjà abonnéxyz')).toBe(false);
    expect(compilePhrase('\\bapp\\b').test('the app store')).toBe(true);
    expect(compilePhrase('\\bapp\\b').test('application')).toBe(false);
  });

  it('leaves escaped backslashes alone', () => {
    expect(unicodeSource('a\\\\b')).toBe('a\\\\b');
  });
});

describe('phrase languages per page', () => {
  const docWith = (html: string) => new JSDOM(html).window.document;
  it('matches the declared language and English, or every language when the page does not say', () => {
    expect(phraseLanguagesOf(docWith('<html lang="en-GB"><body>x</body></html>'))).toEqual(['en']);
    expect(phraseLanguagesOf(docWith('<html lang="fr"><body>x</body></html>'))).toEqual(['en', 'fr']);
    expect(phraseLanguagesOf(docWith('<html><head><meta http-equiv="Content-Language" content="de-DE"></head><body>x</body></html>'))).toEqual(['en', 'de']);
    expect(phraseLanguagesOf(docWith('<html><body>x</body></html>'))).toEqual(LANGUAGES);
    expect(phraseLanguagesOf(docWith('<html lang="ja"><body>x</body></html>'))).toEqual(LANGUAGES);
  });

  it('finds a phrase only in the languages asked for', () => {
    expect(matchShapes('déjà abonné ? se connecter', ['en', 'fr']).map((m) => m.shape)).toContain('member');
    expect(matchShapes('déjà abonné ? se connecter', ['en'])).toEqual([]);
  });
});
