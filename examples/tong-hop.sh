#!/usr/bin/env bash
# Tổng hợp nhiều năm cho một thư mục dữ liệu: kiểm tra dữ liệu, bảng tổng hợp
# 2021–2024 (CSV) và danh sách đề nghị từng năm (.xlsx).
# A multi-year summary for a data folder: validate, a 2021–2024 summary CSV,
# and each year's nomination list as a workbook.
#
# Dùng / usage:  examples/tong-hop.sh [DATA_DIR] [OUT_DIR]
#   THIDUAKT=đường/dẫn/thiduakt  chọn tệp chạy (mặc định: thiduakt trên PATH)
#
# Mã thoát của thiduakt / its exit codes: 0 xong / done; 1 dữ liệu lỗi (thông
# báo nói ở đâu) / the data could not be used; 2 sai cú pháp lệnh / usage.
set -euo pipefail

thiduakt=${THIDUAKT:-thiduakt}
data=${1:-data}
out=${2:-bao-cao}
years=(2021 2022 2023 2024)

mkdir -p "$out"

# 1. Dữ liệu có dùng được không? / Is the data usable?
status=0
"$thiduakt" --data "$data" --format csv validate > "$out/kiem-tra.csv" || status=$?
if [ "$status" -eq 1 ]; then
    echo "Dữ liệu có lỗi, xem $out/kiem-tra.csv / the data has errors, see $out/kiem-tra.csv" >&2
    exit 1
elif [ "$status" -ne 0 ]; then
    echo "thiduakt exited with $status" >&2
    exit "$status"
fi

# 2. Tổng hợp nhiều năm, một tệp CSV / the multi-year summary, one CSV file.
"$thiduakt" --data "$data" --format csv summary "${years[@]}" > "$out/tong-hop-2021-2024.csv"
"$thiduakt" --data "$data" --format csv summary "${years[@]}" --by unit > "$out/tong-hop-theo-don-vi.csv"

# 3. Danh sách đề nghị từng năm / each year's nomination list.
for year in "${years[@]}"; do
    "$thiduakt" --data "$data" -q export "$year" -o "$out/de-nghi-$year.xlsx"
done

echo "Đã ghi / written: $out/tong-hop-2021-2024.csv, $out/tong-hop-theo-don-vi.csv, $out/de-nghi-{2021..2024}.xlsx"
