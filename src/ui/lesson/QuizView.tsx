/** A chapter quiz: O/X and fill-in questions, graded on submit; the score is saved and explanations link back to the lesson. */
import { useState } from 'react';
import type { QuizDef } from '../../lessons/types';
import { gradeAnswer } from '../../lessons/quizzes';
import { lessonById } from '../../lessons/curriculum';
import { lessonHash } from '../../lessons/links';
import type { QuizScore } from '../../lessons/world';
import type { Lang } from '../i18n/i18n';
import type { TFunc } from '../i18n/useT';

export interface QuizViewProps {
  quiz: QuizDef;
  lang: Lang;
  t: TFunc;
  saved?: Record<string, boolean | string>;
  score?: QuizScore;
  onSubmit(answers: Record<string, boolean | string>, score: QuizScore): void;
}

export function QuizView({ quiz, lang, t, saved, score, onSubmit }: QuizViewProps) {
  const [answers, setAnswers] = useState<Record<string, boolean | string>>(saved ?? {});
  const [graded, setGraded] = useState<boolean>(!!score);
  const set = (id: string, v: boolean | string) => {
    setAnswers({ ...answers, [id]: v });
    setGraded(false);
  };
  const submit = () => {
    const correct = quiz.questions.filter((q) => answers[q.id] !== undefined && gradeAnswer(q, answers[q.id])).length;
    onSubmit(answers, { correct, total: quiz.questions.length });
    setGraded(true);
  };
  const passed = score ? score.total > 0 && score.correct / score.total >= quiz.passRatio : false;
  return (
    <section className="quiz" data-testid={`quiz-${quiz.id}`} aria-label={t('lesson.quiz.title', { title: quiz.title[lang] })}>
      <h3>{t('lesson.quiz.title', { title: quiz.title[lang] })}</h3>
      <ol>
        {quiz.questions.map((q) => {
          const a = answers[q.id];
          const right = graded && a !== undefined && gradeAnswer(q, a);
          const refLesson = lessonById(q.ref.lesson);
          const refStep = refLesson?.steps.find((s) => s.id === q.ref.step);
          return (
            <li key={q.id} data-testid={`quiz-q-${q.id}`} className="quiz-q">
              <p>{q.prompt[lang]}</p>
              {q.kind === 'ox' ? (
                <div role="radiogroup" className="quiz-ox">
                  <label>
                    <input type="radio" name={`${quiz.id}-${q.id}`} checked={a === true} onChange={() => set(q.id, true)} /> {t('lesson.quiz.true')}
                  </label>
                  <label>
                    <input type="radio" name={`${quiz.id}-${q.id}`} checked={a === false} onChange={() => set(q.id, false)} /> {t('lesson.quiz.false')}
                  </label>
                </div>
              ) : (
                <input
                  type="text"
                  className="quiz-fill"
                  aria-label={t('lesson.quiz.answer')}
                  value={typeof a === 'string' ? a : ''}
                  onChange={(e) => set(q.id, e.target.value)}
                  spellCheck={false}
                  autoCapitalize="off"
                />
              )}
              {graded && a !== undefined && (
                <div className={right ? 'quiz-feedback right' : 'quiz-feedback wrong'} data-result={right ? 'right' : 'wrong'}>
                  <strong>{right ? t('lesson.quiz.correct') : t('lesson.quiz.wrong')}</strong> {q.explanation[lang]}{' '}
                  {refLesson && refStep && (
                    <a href={lessonHash({ lesson: refLesson.id, step: refStep.id })}>
                      {t('lesson.quiz.goto', { lesson: refLesson.title[lang], step: refStep.title[lang] })}
                    </a>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <div className="quiz-actions">
        <button type="button" onClick={submit} data-testid="quiz-submit">
          {t('lesson.quiz.submit')}
        </button>
        {score && (
          <span className={passed ? 'quiz-score passed' : 'quiz-score'} data-testid="quiz-score" aria-live="polite">
            {t('lesson.quiz.score', { correct: score.correct, total: score.total })} · {passed ? t('lesson.quiz.passed') : t('lesson.quiz.failed')}
          </span>
        )}
      </div>
    </section>
  );
}
