// vader-sentiment ships no types; only the call Tulay makes is declared.
declare module 'vader-sentiment' {
  interface Polarity {
    neg: number;
    neu: number;
    pos: number;
    /** Normalised sum of valences, -1 (most negative) to 1. */
    compound: number;
  }
  const vader: {
    SentimentIntensityAnalyzer: { polarity_scores(text: string): Polarity };
  };
  export default vader;
}
