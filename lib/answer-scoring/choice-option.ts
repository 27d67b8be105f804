/** One multiple-choice option: its letter ("A") and its text ("a person"). */
export interface ChoiceOption {
  letter: string;
  text: string;
}
