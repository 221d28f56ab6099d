package org.madoguchi.fitgap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.madoguchi.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** How far one process version departs from another, for administrators and BPR advisors. */
@RestController
@RequestMapping("/api/fit-gap")
@Tag(name = "Fit and gap", description = "標準モデルとの差分（フィット＆ギャップ）")
@PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.ADVISOR + "')")
class FitGapController {

  private final FitGapService fitGap;

  FitGapController(FitGapService fitGap) {
    this.fitGap = fitGap;
  }

  @GetMapping
  @Operation(summary = "2つの版を比べる: 追加・削除・変更された要素と、標準からの乖離率。版は ID（standard・variant）か、"
      + "キーと版（standardKey・standardVersion・variantKey・variantVersion、版を省くと最新）で指定する")
  FitGapService.Comparison compare(@RequestParam(required = false) String standard,
      @RequestParam(required = false) String standardKey, @RequestParam(required = false) Integer standardVersion,
      @RequestParam(required = false) String variant, @RequestParam(required = false) String variantKey,
      @RequestParam(required = false) Integer variantVersion) {
    return fitGap.compare(new FitGapService.Selector(standard, standardKey, standardVersion),
        new FitGapService.Selector(variant, variantKey, variantVersion));
  }
}
