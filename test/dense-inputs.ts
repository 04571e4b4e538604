/**
 * Generated inputs that are dense in what the extractors look for, the
 * shapes that once made a run's cost grow with the square of its size: one
 * line of changes, one date a line, deep HTML nesting, one paragraph of prose.
 */
export interface DenseInput {
  name: string;
  /** The input's bytes for `n` repetitions of its unit. */
  make(n: number): string;
  /** Repetitions for the small size a test measures (the large one is four times as many). */
  n: number;
}

export const DENSE_INPUTS: readonly DenseInput[] = [
  { name: 'changes on one line (tăng 5% …)', make: (n) => 'tăng 5% '.repeat(n) + '\n', n: 1_000 },
  { name: 'one date a line (Ngày 1/1/2020)', make: (n) => 'Ngày 1/1/2020\n'.repeat(n), n: 12_000 },
  { name: 'nested <div>s', make: (n) => '<!DOCTYPE html><html><body>' + '<div>'.repeat(n) + 'Ngày 27/12/2024, tỉnh Nghệ An tăng 5%.' + '</div>'.repeat(n) + '\n', n: 20_000 },
  {
    name: 'prose in one paragraph',
    make: (n) => 'Năm 2024, GRDP của tỉnh Thanh Hóa tăng 8,5% so với năm 2023, đạt 300 tỷ đồng. '.repeat(n) + '\n',
    n: 150,
  },
  {
    // a figure right after a province's name, thousands on one line: each reads its list's lead-in once, and the province's mentions are grouped in linear time
    name: 'figures after names on one line (Nghệ An 5mm, …)',
    make: (n) => 'Lượng mưa đo được ' + 'Nghệ An 5mm, '.repeat(n) + '\n',
    n: 5_000,
  },
  {
    name: 'figures with their period and place, one paragraph',
    make: (n) => ' date 2024-12\n' + 'Năm 2024, tỉnh Thanh Hóa thu 5 tỷ đồng tại huyện Cẩm Thủy. '.repeat(n) + '\n',
    n: 1_000,
  },
];
