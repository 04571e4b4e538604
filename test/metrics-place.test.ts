/**
 * A figure's place from the places the article names (districts, communes),
 * end to end: the places module runs before metrics resolve, and a place
 * named in the figure's clause is where the figure is measured.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';

const placesOf = (text: string) => extract(text, { referenceDate: '2024-12', only: ['metrics'] }).metrics.map((m) => m.place);

describe('metrics: place from the places found', () => {
  it('a district named in the clause is the place, with its level and code; its province after it is its address', () => {
    expect(placesOf('Năm 2024, tổng thu ngân sách của huyện Cẩm Thủy, tỉnh Thanh Hóa đạt 320 tỷ đồng.')).toEqual([{ name: 'Huyện Cẩm Thủy', code: '390', level: 'district' }]);
    expect(placesOf('Năm 2024, tỉnh Thanh Hóa có tổng thu ngân sách của huyện Cẩm Thủy đạt 320 tỷ đồng.')).toEqual([{ name: 'Huyện Cẩm Thủy', code: '390', level: 'district' }]);
  });

  it('a place in another sentence leaves the figure to the primary province', () => {
    expect(placesOf('Huyện Cẩm Thủy có 20 xã. Năm 2024, tỉnh Thanh Hóa có 3.900 cán bộ được tập huấn.').at(-1)).toEqual({ name: 'Thanh Hóa', code: '38', level: 'province' });
  });

  it('a place in a closed aside is an address, not the figure’s place', () => {
    expect(placesOf('Ông Hà Minh Tùng (xã Mỹ Hội, huyện Cao Lãnh, tỉnh Đồng Tháp) được thưởng 5 triệu đồng.')).toEqual([{ name: 'Đồng Tháp', code: '87', level: 'province' }]);
  });

  it('a report that speaks as a place below the province named in its first lines places there the figures with no place of their own', () => {
    const report = [
      'Huyện Cẩm Thủy tổng kết năm 2024',
      'Ngày 20/12, UBND huyện Cẩm Thủy, tỉnh Thanh Hóa tổ chức hội nghị tổng kết.',
      'Tổng thu ngân sách trên địa bàn đạt 320 tỷ đồng, bằng 110% dự toán huyện giao. Toàn huyện có 45 doanh nghiệp thành lập mới.',
    ].join('\n\n');
    const district = { name: 'Huyện Cẩm Thủy', code: '390', level: 'district' };
    expect(placesOf(report)).toEqual([district, district, district]);
    // the province speaking of its own (`toàn tỉnh`) as often keeps its figures
    const provincial = report.replace('Toàn huyện', 'Toàn tỉnh').replace('dự toán huyện giao', 'dự toán tỉnh giao');
    expect(placesOf(provincial).at(-1)).toEqual({ name: 'Thanh Hóa', code: '38', level: 'province' });
  });

  it('in a roundup with no subject province, a province that opens a sentence places the figures after it that name none', () => {
    const roundup = [
      'Bão số 3 gây mưa lớn ở Nghệ An, Hà Tĩnh và Quảng Bình. Các tỉnh đã sơ tán dân.',
      'Ở Nghệ An, 40 ha lúa bị ngập.',
      'Hà Tĩnh là nơi thiệt hại nặng nhất. Bão làm 120 ngôi nhà tốc mái.',
      'Quảng Bình cũng chịu ảnh hưởng. Mưa lớn làm 15 ha hoa màu bị ngập.',
    ].join('\n\n');
    expect(placesOf(roundup).map((p) => p?.name)).toEqual(['Nghệ An', 'Hà Tĩnh', 'Quảng Bình']);
  });

  it('a count of provinces is the whole country’s', () => {
    expect(placesOf('Tỉnh Nghệ An cho biết mưa lũ đã gây thiệt hại tại 12 tỉnh thành; 16/34 địa phương có mức tăng trưởng trên 8%.').slice(0, 2)).toEqual([
      { name: 'Việt Nam', code: null, level: 'country' },
      { name: 'Việt Nam', code: null, level: 'country' },
    ]);
  });
});
