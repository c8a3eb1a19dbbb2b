import { describe, expect, it } from 'vitest';
import { dioceseKey, normaliseBodyName, sameBody, sameDiocese, withArticle } from '../src/ground/names.js';

describe('names of bodies', () => {
  it('withArticle lower-cases a leading "The" and adds one where missing', () => {
    expect(withArticle('Diocese of Ely')).toBe('the Diocese of Ely');
    expect(withArticle('The Ely Diocesan Board of Education')).toBe('the Ely Diocesan Board of Education');
  });

  it('normaliseBodyName ignores case, curly apostrophes, "&" and a leading "the"', () => {
    expect(normaliseBodyName('The St Bede\u2019s Trust & Foundation')).toBe("st bede's trust and foundation");
  });

  it('dioceseKey: a diocesan board acts for its diocese; an archdiocese is another body', () => {
    expect(dioceseKey('The Norwich Diocesan Board of Education')).toBe('norwich');
    expect(dioceseKey('Roman Catholic Archdiocese of Birmingham')).toBe('archdiocese:birmingham');
    expect(dioceseKey('The Wensum Trust')).toBeUndefined();
  });

  it('sameBody and sameDiocese tell the two churches’ Dioceses of Leeds apart', () => {
    expect(sameBody('the Diocese of Norwich', 'Norwich Diocesan Board of Education')).toBe(true);
    expect(sameDiocese('Roman Catholic Diocese of Leeds', 'Diocese of Leeds')).toBe(false);
    expect(sameDiocese('Diocese of Leeds', 'the Diocese of Leeds')).toBe(true);
  });
});
