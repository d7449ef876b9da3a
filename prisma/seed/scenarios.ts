import type { ScenarioContent } from "@/lib/validation/scenario";

export interface BuiltinScenario {
  /** stable key, kebab-case */
  slug: string;
  content: { ko: ScenarioContent; en: ScenarioContent };
}

/**
 * Built-in scenario library. The ko and en versions of each scenario are the same
 * scenario: same roles in the same order, same rounds, same options in the same order.
 * Option indexes are recorded in research data, so never reorder options once published.
 */
export const builtinScenarios: BuiltinScenario[] = [
  // ─────────────────────────────────────────────────────────────────────────────
  // 1. Autonomous vehicle
  // ─────────────────────────────────────────────────────────────────────────────
  {
    slug: "autonomous-vehicle",
    content: {
      ko: {
        title: "0.5초의 판단: 자율주행 택시는 누구를 먼저 지켜야 하는가",
        summary:
          "자율주행 택시가 트럭을 피하려다 버스 정류장 쪽으로 방향을 틀었습니다. 시가 운행 확대를 결정하기 전에, 승객과 보행자의 위험을 어떻게 따져야 할지 함께 정해야 합니다.",
        opening:
          "해온시는 지난 1년 동안 다원모빌리티의 무인 자율주행 택시 40대를 시범 운행해 왔습니다. 같은 지역의 일반 택시와 비교하면 주행 거리당 사고율이 약 40% 낮았고, 이제는 많은 시민이 매일 이 택시를 이용합니다.\n\n" +
          "3주 전 비 내리던 밤, 맞은편 트럭이 중앙선을 넘어왔습니다. 자율주행 택시는 오른쪽으로 급히 방향을 틀어 연석을 넘었고, 두 사람이 서 있던 버스 정류장 1미터 앞에서 멈췄습니다. 승객은 목에 가벼운 부상을 입었고, 다른 사람은 다치지 않았습니다.\n\n" +
          "차량 기록에는 그 0.5초 동안 소프트웨어가 내린 계산이 남아 있습니다. 차선을 유지하면 승객이 크게 다칠 확률이 약 30%, 방향을 틀면 보도 위 사람과 부딪힐 확률이 약 8%였습니다. 차는 더 낮은 숫자를 골랐습니다.\n\n" +
          "사고 영상은 순식간에 퍼졌습니다. 승객을 살린 ‘영웅’이라는 반응도 있지만, 위험과 아무 관계 없는 사람들이 서 있는 정류장 쪽으로 핸들을 꺾을 권한을 누가 기계에 주었느냐는 비판도 거셉니다.\n\n" +
          "시는 한 달 안에 학교 주변 노선을 포함해 운행 대수를 300대로 늘릴지 결정해야 합니다. 그 전에 제조사와 시, 시민들은 피할 수 없는 충돌 상황에서 차가 위험을 어떻게 따질지, 그 규칙을 누가 알 수 있는지, 문제가 생기면 누가 책임질지 합의해야 합니다.",
        roles: [
          {
            name: "다원모빌리티 안전 엔지니어",
            brief:
              "자율주행 택시의 충돌 회피 소프트웨어를 설계하는 팀을 이끌고 있습니다. 자율주행차가 이미 전체적으로는 생명을 구하고 있다고 믿으며, 기술을 잘 모르는 사람들이 만든 경직된 규칙이 드문 상황에서 오히려 차를 덜 안전하게 만들까 걱정합니다. 증거에 기반한 판단, 현실적인 기대치, 그리고 모든 운전자가 마주하는 어려운 선택의 책임을 엔지니어에게만 떠넘기지 않는 것을 중요하게 여깁니다.",
            privateBrief:
              "내부 시뮬레이션에 따르면 ‘보행자 쪽으로는 절대 방향을 틀지 않는다’는 규칙을 엄격히 적용할 경우, 정면충돌 상황에서 승객의 중상 비율이 약 15% 높아집니다. 경쟁사들이 이 점을 공격할 것이 뻔합니다. 영업팀은 이미 대형 차량 호출 플랫폼에 ‘다원의 차는 탑승자를 먼저 지킨다’고 약속해 두었습니다. 당신의 스톡옵션은 이번 분기 안에 300대 확대가 승인되어야만 행사할 수 있습니다. 그리고 아직 공개되지 않은 사실이 있습니다. 보행자 감지 시스템은 비가 많이 오는 밤에 정확도가 눈에 띄게 떨어지는데, 바로 이번 사고가 난 조건입니다.",
          },
          {
            name: "해온시 교통정책국장",
            brief:
              "운행 확대를 승인할지 막을지 결정하는 책임자입니다. 시민의 안전, ‘스마트 모빌리티 도시’라는 경제적 기대, 그리고 주민의 신뢰 사이에서 균형을 잡아야 합니다. 명확하고 점검 가능하며, 누군가 책임질 수 있는 규칙을 원합니다.",
            privateBrief:
              "시장은 다음 선거의 핵심 공약으로 스마트 모빌리티 계획을 내세웠고, 당신에게 따로 ‘연기는 선택지가 아니다’라고 말했습니다. 한편 시 법무팀은 누구의 안전을 먼저 둘지 순위를 매기는 규칙을 시가 공식 승인하면 시 자체가 소송을 당할 수 있다고 경고했습니다. 중앙정부는 약 6개월 뒤 자율주행 지침을 발표할 예정인데, 지금 내리는 결정과 어긋날 수도 있습니다. 책상 위에는 한 휠체어 이용자가 횡단보도에서 자율주행 택시가 예측할 수 없게 움직였다며 낸 민원이 놓여 있고, 아직 조사하지 못했습니다.",
          },
          {
            name: "보행자안전시민연대 대표",
            brief:
              "도시의 거리를 걷는 주민들, 특히 아이를 등교시키는 부모, 노인, 장애인을 대변합니다. 보행자는 실험에 참여하겠다고 동의한 적이 없으며, 보도는 언제나 안전한 공간이어야 한다고 주장합니다. 동의, 예측 가능성, 그리고 자율주행 택시를 타지 않는 사람들의 목소리를 중요하게 여깁니다.",
            privateBrief:
              "올해 단체 운영비의 일부는 택시·버스 운전자 노동조합의 후원금에서 나왔습니다. 조합원들은 자율주행 택시 때문에 일자리를 잃을까 걱정하고 있어, 이 사실이 널리 알려지면 단체의 독립성이 의심받을 수 있습니다. 당신은 몇 년 전 음주 운전 사고로 가족을 잃었고, 솔직히 자율주행차가 그런 죽음을 줄일 수 있다는 것도 알고 있습니다. 적극적으로 활동하는 회원 몇 명은 학교 주변 확대에 조금이라도 동의하면 탈퇴하겠다고 했습니다. 또한 영상 속 정류장에 서 있던 사람 중 한 명이 단체 회원이며, 소송을 준비하고 있다는 사실을 알게 되었습니다.",
          },
        ],
        rounds: [
          {
            question:
              "먼저 기본 원칙부터 정해야 합니다. 피할 수 없는 충돌 상황에서 소프트웨어는 무엇을 우선해야 합니까?",
            options: [
              {
                label: "모든 사람을 똑같이 계산해 예상 피해 최소화",
                description:
                  "평균적으로 가장 많은 사람을 구하지만, 아무 잘못이 없는 주변 사람 쪽으로 차가 향할 수도 있습니다.",
              },
              {
                label: "보도 위 사람 등 위험과 무관한 사람 쪽으로는 절대 회피 금지",
                description:
                  "보행자는 보도가 안전하다고 믿을 수 있지만, 승객이 필요 이상으로 큰 위험을 떠안는 경우가 생깁니다.",
              },
              {
                label: "사람 운전자처럼 탑승자 보호 우선",
                description:
                  "이용자의 기대에 부합해 보급이 빨라질 수 있지만, 택시를 타지도 않은 사람들에게 위험이 넘어갑니다.",
              },
            ],
          },
          {
            question:
              "어떤 원칙을 택하든, 구체적인 충돌 규칙과 위험 판단 기준을 시민에게 공개해야 합니까?",
            options: [
              {
                label: "규칙과 기준 전체를 누구나 볼 수 있게 공개",
                description:
                  "시민이 직접 검토하고 토론할 수 있지만, 차의 반응을 악용하는 사람이 생길 수 있고 회사는 핵심 기술을 잃습니다.",
              },
              {
                label: "시와 독립 감사 기관에만 비공개로 제출",
                description:
                  "보안과 기술력을 지킬 수 있지만, 시민은 볼 수 없는 규칙을 믿고 따라야 합니다.",
              },
            ],
          },
          {
            question:
              "독립 시험 결과, 비가 많이 오는 밤에는 보행자 감지 정확도가 떨어진다는 사실이 확인되었습니다. 바로 이번 사고가 난 조건입니다. 운행 확대는 어떻게 해야 합니까?",
            options: [
              {
                label: "예정대로 300대 확대, 3개월 내 소프트웨어 개선 약속",
                description:
                  "사업과 그 혜택은 계획대로 이어지지만, 알려진 약점을 안은 채 차가 도로를 달리게 됩니다.",
              },
              {
                label: "확대하되 폭우가 내리는 밤에는 전면 운행 중단",
                description:
                  "가장 위험한 조건은 피할 수 있지만, 정작 택시가 가장 필요할 때 이용할 수 없고 중단 기준을 정하기도 어렵습니다.",
              },
              {
                label: "개선될 때까지 학교·주택가를 뺀 간선도로에서만 확대",
                description:
                  "가장 취약한 사람들의 위험은 줄지만, 서비스를 기다리던 동네는 혜택을 늦게 받습니다.",
              },
              {
                label: "독립 시험으로 개선이 확인될 때까지 40대로 동결",
                description:
                  "가장 신중한 선택이지만, 투자가 빠져나가고 시장의 계획이 무너질 수 있습니다.",
              },
            ],
          },
          {
            question:
              "정류장에 있던 단체 회원이 소송을 제기했습니다. 시가 승인한 규칙을 따르던 자율주행 택시가 사람을 다치게 했다면, 누가 배상하고 책임져야 합니까?",
            options: [
              {
                label: "승인 여부와 관계없이 항상 제조사 책임",
                description:
                  "안전한 차를 만들 가장 강한 동기가 생기지만, 비용이 요금에 전가되고 기술 발전이 늦어질 수 있습니다.",
              },
              {
                label: "운행 1건마다 부담금을 걷어 만든 공공 보상 기금",
                description:
                  "피해자는 소송 없이 빠르게 보상받지만, 특정 누구도 책임지지 않게 됩니다.",
              },
              {
                label: "사람 운전자처럼 사건마다 법원에서 판단",
                description:
                  "익숙하고 유연한 방식이지만, 피해자는 대기업을 상대로 길고 비싼 재판을 치러야 합니다.",
              },
            ],
          },
          {
            question: "다음 주에 시의회 표결이 있습니다. 여러분의 최종 권고안은 무엇입니까?",
            options: [
              {
                label: "오늘 합의한 규칙으로 확대 승인, 1년 뒤 공개 재검토",
                description:
                  "혜택과 투자가 빨리 오고 실제 운행 데이터로 개선할 수 있지만, 일부 위험을 미리 감수하게 됩니다.",
              },
              {
                label: "정부 지침 발표와 시민 숙의 이후로 결정 연기",
                description:
                  "결정의 정당성과 법적 안정성은 높아지지만, 투자를 잃을 수 있고 그동안 사람 운전자가 내는 사고는 계속됩니다.",
              },
            ],
          },
        ],
      },
      en: {
        title: "The Half-Second Decision: Whom Should a Robotaxi Protect?",
        summary:
          "A driverless taxi swerved toward a bus stop to avoid a truck. Before the city expands its robotaxi fleet, decide how these cars should weigh the safety of passengers and pedestrians.",
        opening:
          "For a year, the city of Haeon has run a pilot of 40 driverless taxis operated by Dawon Mobility. Per kilometer driven, they have had about 40% fewer crashes than human taxi drivers in the same districts, and many residents now use them every day.\n\n" +
          "Three weeks ago, on a rainy night, an oncoming truck drifted across the center line. A robotaxi swerved right, mounted the curb and stopped one meter from a bus stop where two people were waiting. The passenger suffered a mild neck injury; nobody else was hurt.\n\n" +
          "The car's logs show what the software calculated in that half-second: staying in its lane meant an estimated 30% chance of serious injury to the passenger; swerving meant an estimated 8% chance of hitting someone on the sidewalk. It chose the lower number.\n\n" +
          "A video of the incident went viral. Some call the car a “hero” that saved its passenger. Others ask who gave a machine permission to steer toward a bus stop full of people who had nothing to do with the danger.\n\n" +
          "Within a month, the city must decide whether to expand the pilot to 300 vehicles, including routes near schools. Before that, the carmaker, the city and citizens need to agree on how the cars should weigh risks in unavoidable crashes, who gets to know those rules, and who answers when something goes wrong.",
        roles: [
          {
            name: "Safety Engineer, Dawon Mobility",
            brief:
              "You lead the team that designs the robotaxi's collision-avoidance software. You believe driverless cars already save lives overall, and you worry that rigid rules written by people who don't understand the technology could make the cars less safe in rare situations. You care about evidence, realistic expectations, and not leaving engineers alone to answer for hard trade-offs that every driver faces.",
            privateBrief:
              "Your internal simulations show that a strict “never swerve toward pedestrians” rule would raise serious injuries to passengers by about 15% in head-on situations — competitors would certainly use that against you. The sales team has already promised a major ride-hailing partner that Dawon cars “protect the people inside first.” Your stock options vest only if the 300-vehicle expansion is approved this quarter. And you know something that is not yet public: the pedestrian-detection system is noticeably less accurate at night in heavy rain — exactly the conditions of the near-miss.",
          },
          {
            name: "Transport Policy Director, Haeon City",
            brief:
              "You are the official responsible for approving or blocking the expansion. You must balance public safety, the economic promise of becoming a “smart mobility city,” and residents' trust. You want rules that are clear, can be audited, and that someone can be held accountable for.",
            privateBrief:
              "The mayor has made the smart-mobility plan a centerpiece of the coming election and told you privately that a delay “is not an option.” At the same time, the city's lawyers warn that if the city formally approves rules that rank whose safety comes first, the city itself could be sued. The national government plans to publish self-driving guidelines in about six months, which might contradict whatever you decide now. On your desk is a complaint from a wheelchair user who says a robotaxi moved unpredictably around them at a crosswalk — it has not been investigated yet.",
          },
          {
            name: "Representative, Pedestrian Safety Coalition",
            brief:
              "You represent the residents who walk the city's streets — especially parents taking children to school, older people and people with disabilities. You argue that pedestrians never agreed to take part in an experiment and that sidewalks must always remain safe places. You care about consent, predictability, and the voices of people who don't ride robotaxis.",
            privateBrief:
              "Part of your coalition's budget this year comes from a donation by the taxi and bus drivers' union, whose members fear losing their jobs to robotaxis; if this becomes widely known, your independence may be questioned. Years ago you lost a family member to a drunk driver, and honestly you know that driverless cars could prevent deaths like that. Several of your most active members have said they will quit if you accept any expansion near schools. You have also learned that one of the people at the bus stop in the video is a coalition member who is preparing to sue.",
          },
        ],
        rounds: [
          {
            question:
              "First, the basic principle. In a crash that cannot be avoided, what should the car's software prioritize?",
            options: [
              {
                label: "Minimize total expected harm, counting everyone equally",
                description:
                  "Saves the most people on average, but the car may sometimes steer toward bystanders who did nothing wrong.",
              },
              {
                label: "Never steer toward people outside the danger, such as those on sidewalks",
                description:
                  "Pedestrians can rely on sidewalks being safe, but passengers will sometimes bear more risk than necessary.",
              },
              {
                label: "Protect the passengers first, as a human driver instinctively would",
                description:
                  "Matches what riders expect and may speed adoption, but shifts risk onto people who never chose to ride.",
              },
            ],
          },
          {
            question:
              "Whatever principle is chosen, should the detailed crash rules and risk thresholds be made public?",
            options: [
              {
                label: "Publish the full rules and thresholds for anyone to read",
                description:
                  "Citizens can examine and debate them, but some people could learn to exploit the cars' behavior, and the company loses a key trade secret.",
              },
              {
                label: "Disclose them only to the city and independent auditors, confidentially",
                description:
                  "Protects security and the company's know-how, but residents must trust rules they cannot see.",
              },
            ],
          },
          {
            question:
              "An independent test confirms that the cars detect pedestrians less accurately at night in heavy rain — the very conditions of the near-miss. How should the expansion proceed?",
            options: [
              {
                label: "Expand to 300 cars on schedule, with a software fix promised within three months",
                description:
                  "The project and its benefits stay on track, but cars with a known weakness remain on the road in the meantime.",
              },
              {
                label: "Expand, but take all robotaxis off the road on nights with heavy rain",
                description:
                  "Avoids the riskiest conditions, but riders lose service when they may need it most, and the cut-off is hard to define.",
              },
              {
                label: "Expand only on main roads, away from schools and residential streets, until fixed",
                description:
                  "Reduces risk for the most vulnerable, but neighborhoods that wanted the service will wait longer.",
              },
              {
                label: "Freeze the pilot at 40 cars until independent tests show the gap is closed",
                description:
                  "The most cautious choice, but investment may leave the city and the mayor's plan may collapse.",
              },
            ],
          },
          {
            question:
              "The coalition member at the bus stop has filed a lawsuit. When a robotaxi injures someone while following city-approved rules, who should pay and answer for it?",
            options: [
              {
                label: "The manufacturer, always, whatever rules were approved",
                description:
                  "Creates the strongest incentive to build safe cars, but costs may be passed on to riders and slow down innovation.",
              },
              {
                label: "A public compensation fund, paid for by a small levy on every ride",
                description:
                  "Victims are compensated quickly without a court fight, but no one in particular is held responsible.",
              },
              {
                label: "Courts decide case by case, as with human drivers",
                description:
                  "Familiar and flexible, but victims face long, expensive trials against a large company.",
              },
            ],
          },
          {
            question: "The city council votes next week. What is your final recommendation?",
            options: [
              {
                label: "Approve expansion under today's rules, with a public review after one year",
                description:
                  "Benefits and investment arrive sooner and real-world data can guide improvements, but some risks are accepted in advance.",
              },
              {
                label: "Postpone until national guidelines are out and a citizens' panel has deliberated",
                description:
                  "The decision gains legitimacy and legal certainty, but the city may lose its investment and crashes by human drivers continue in the meantime.",
              },
            ],
          },
        ],
      },
    },
  },

  // ─────────────────────────────────────────────────────────────────────────────
  // 2. Hiring algorithm
  // ─────────────────────────────────────────────────────────────────────────────
  {
    slug: "hiring-algorithm",
    content: {
      ko: {
        title: "서류에서 탈락: 과거의 습관을 배운 채용 AI",
        summary:
          "다온그룹의 서류 심사 AI가 특정 지원자 집단에 낮은 점수를 줘 왔다는 감사 결과가 나왔습니다. 채용 시즌을 3주 앞두고, 무엇을 고치고 누구에게 알리며 이 시스템을 계속 쓸지 결정해야 합니다.",
        opening:
          "직원 1만 5천 명 규모의 유통·물류 기업 다온그룹에는 해마다 약 12만 건의 입사 지원서가 들어옵니다. 2년 전 다온그룹은 이력서를 읽고 지원자마다 점수를 매기는 자체 AI 시스템 ‘픽핏(PickFit)’을 도입했습니다. 서류 심사 기간은 6주에서 5일로 줄었고, 회사는 자사 채용을 ‘객관적이고 데이터에 기반한 채용’이라고 홍보해 왔습니다.\n\n" +
          "픽핏은 지난 10년간의 사내 기록, 즉 누가 채용되었고 그중 누가 이후 상사에게 높은 인사 평가를 받았는지를 바탕으로 ‘좋은 인재’의 모습을 학습했습니다.\n\n" +
          "지난달 노동조합의 요청으로 실시한 외부 감사에서 한 가지 패턴이 드러났습니다. 1년 이상 경력 공백이 있는 지원자, 그중에서도 대부분을 차지하는 육아 후 복귀하려는 여성들의 서류 통과율이 비슷한 역량을 가진 다른 지원자보다 약 40% 낮았습니다. 지방대 졸업자와 45세 이상 지원자도 낮은 점수를 받았습니다. 누구도 일부러 그렇게 만들지 않았습니다. 시스템이 과거의 기록에서 그대로 배운 것으로 보입니다.\n\n" +
          "지난 2년 동안 픽핏에서 탈락한 지원자는 약 9,000명입니다. 800명을 뽑는 채용 시즌은 3주 뒤에 시작됩니다. 회사는 이 시스템을 어떻게 할지, 탈락한 사람들에게 무엇을 알릴지, 누가 책임을 질지 서둘러 정해야 합니다.",
        roles: [
          {
            name: "다온그룹 인사 담당 상무",
            brief:
              "픽핏 도입을 주도했고 채용 전반을 책임지고 있습니다. 이 시스템 덕분에 적은 인원으로 쏟아지는 지원서를 처리할 수 있었고, 사람 심사자도 결코 완벽하게 공정하지는 않았다고 생각합니다. 원활한 채용 운영, 회사의 평판, 그리고 지원자에 대한 공정한 대우를 중요하게 여깁니다.",
            privateBrief:
              "당신은 이사회에 픽핏을 ‘사람의 편견이 없는 시스템’이라고 보고했고, 다음 달 이사회는 당신의 최고인사책임자(CHRO) 승진 여부를 결정합니다. 1년 전 한 사내 보고서가 나이에 따른 편향 가능성을 지적했지만, 당신은 조치 대신 ‘지속 관찰’을 택했습니다. 이 보고서가 드러날 수도 있습니다. 픽핏을 멈추면 임시 심사 인력 약 30명을 급히 뽑아야 하는데, 그만한 예산은 없습니다.",
          },
          {
            name: "탈락한 지원자",
            brief:
              "41세, 12년 경력의 물류 기획자로 아이를 돌보기 위해 3년간 일을 쉬었습니다. 다온그룹에 지원했지만 픽핏은 몇 시간 만에 탈락을 통보했습니다. 지금은 부당하게 탈락했다고 생각하는 지원자 약 300명이 모인 온라인 모임을 대표하고 있습니다. 한 사람으로서 제대로 평가받는 것, 납득할 만한 설명을 듣는 것, 그리고 다른 사람들이 같은 일을 겪지 않게 하는 것을 중요하게 여깁니다.",
            privateBrief:
              "한 노동 인권 로펌이 착수금 없이 집단 소송을 맡겠다고 제안했습니다. 이기면 상당한 배상을 받을 수 있지만 몇 년이 걸리고, 당신은 당장 일자리가 필요합니다. 다온그룹 인사 상무는 당신이 ‘건설적인 태도’를 보인다면 좋은 자리의 면접 기회를 줄 수 있다는 뜻을 넌지시 내비쳤습니다. 또한 모임 회원 몇몇이 온라인에서 자기 경력을 부풀렸다는 사실을 알고 있어, 이것이 알려지면 모임 전체의 신뢰가 흔들릴 수 있습니다.",
          },
          {
            name: "픽핏 개발팀 데이터 과학자",
            brief:
              "픽핏을 만든 사내 개발팀을 이끌고 있습니다. 알고리즘의 편향은 측정하고 줄일 수 있으며, 심사자 개개인에게 숨어 있는 들쭉날쭉한 편견보다 오히려 다루기 쉽다고 생각합니다. 기술적 정직성, 그리고 시스템을 버리기보다 제대로 고치는 것을 중요하게 여깁니다.",
            privateBrief:
              "개발 당시 당신은 과거 채용 기록과 상사 평가로 학습시키면 예전의 편견을 그대로 베낄 수 있다고 경고했지만, 일정대로 출시하라는 지시를 받았습니다. 그 이메일은 아직 가지고 있습니다. 편향을 없애면 픽핏의 ‘정확도’ 점수가 약 8% 떨어지는데, 이 점수는 그 자체로 편향되었을 수도 있는 과거 상사 평가를 기준으로 잰 것입니다. 공정성을 제대로 점검하려면 지원자의 성별과 나이를 수집해야 하는데, 일부 동료는 이를 개인정보 위험으로 봅니다. 경쟁사에서 이직 제안도 받았습니다. 지금 떠나기는 쉽지만, 책임을 피해 도망치는 것처럼 보일 수 있습니다.",
          },
        ],
        rounds: [
          {
            question: "채용 시즌이 3주 뒤 시작됩니다. 이번 시즌에 픽핏은 어떻게 해야 합니까?",
            options: [
              {
                label: "픽핏 중단, 이번 시즌은 모든 서류를 사람이 심사",
                description:
                  "알려진 알고리즘 편향은 사라지지만, 채용이 늦어지고 비용이 늘며 사람 심사자의 편견은 그대로 남습니다.",
              },
              {
                label: "픽핏은 유지하되 영향받은 집단의 탈락자는 사람이 재검토",
                description:
                  "일정을 지키면서 부당한 탈락을 일부 바로잡을 수 있지만, 지원자를 성별과 나이로 분류해야 합니다.",
              },
              {
                label: "개선안이 나올 때까지 픽핏을 그대로 운영",
                description:
                  "채용은 빠르고 예측 가능하게 진행되지만, 회사가 이미 알고 있는 편향을 또 한 시즌의 지원자들이 겪게 됩니다.",
              },
            ],
          },
          {
            question: "모델 자체는 어떻게 고쳐야 합니까?",
            options: [
              {
                label: "경력 공백·출신 대학·졸업 연도를 입력 항목에서 삭제",
                description:
                  "빠르고 간단하지만, 모델이 거주지나 취미처럼 같은 정보를 대신 드러내는 다른 단서를 찾아낼 수 있습니다.",
              },
              {
                label: "집단별 통과율이 같아지도록 점수 보정",
                description:
                  "결과의 균형은 보장되지만, 다른 지원자에게 불공정하다는 비판이 나올 수 있고 민감한 정보를 수집해야 합니다.",
              },
              {
                label: "과거 상사 평가 대신 새로운 직무 역량 평가 데이터로 재학습",
                description:
                  "문제의 뿌리를 다루지만 최소 6개월이 걸리고, 회사에 아직 없는 데이터가 필요합니다.",
              },
              {
                label: "AI는 순위만 매기고 탈락 결정은 반드시 사람이",
                description:
                  "모든 탈락을 사람이 결정하지만, 심사자가 AI의 순위를 그대로 승인하기만 할 수도 있습니다.",
              },
            ],
          },
          {
            question: "지난 2년간 픽핏에서 탈락한 약 9,000명에게 다온그룹은 무엇을 알려야 합니까?",
            options: [
              {
                label: "한 명 한 명에게 통보하고 사과한 뒤 재심사 기회 제공",
                description:
                  "가장 정직하고 존중하는 방법이지만, 소송이 이어질 수 있고 처리 비용이 매우 큽니다.",
              },
              {
                label: "개별 통보 없이 감사 결과와 개선 계획을 공개 발표",
                description:
                  "투명성을 보이면서 비용을 줄일 수 있지만, 당사자 대부분은 자신에게 무슨 일이 있었는지 모를 수 있습니다.",
              },
              {
                label: "법률 검토가 끝날 때까지 공개하지 않고 조용히 개선",
                description:
                  "당장은 회사의 법적 입장을 지킬 수 있지만, 감사 결과가 새어 나가면 은폐로 보일 수 있습니다.",
              },
            ],
          },
          {
            question:
              "지원자들은 자신이 왜 탈락했는지 알려 달라고 요구하고 있습니다. 모든 지원자가 자기 점수에 대한 개별 설명을 받을 수 있어야 합니까?",
            options: [
              {
                label: "그렇다: 누구나 점수에 영향을 준 주요 요인을 열람 가능",
                description:
                  "지원자를 존중하고 오류를 드러낼 수 있지만, 복잡한 모델의 설명은 지나치게 단순해질 수 있고 시스템을 역이용하는 사람이 생길 수 있습니다.",
              },
              {
                label: "아니다: 일반적인 평가 기준만 공개하고 개별 설명은 제공하지 않음",
                description:
                  "시스템 악용을 막고 운영이 단순해지지만, 지원자는 자기 결과에 이의를 제기하기 어렵습니다.",
              },
            ],
          },
          {
            question: "이번 시즌 이후를 생각해 봅시다. 앞으로 다온그룹 채용에서 AI는 어떤 역할을 해야 합니까?",
            options: [
              {
                label: "개선된 픽핏 유지, 매년 독립 편향 감사 결과 공개",
                description:
                  "외부 점검을 받으며 효율을 유지하지만, 감사가 문제를 제때 잡아낼 수 있느냐에 신뢰가 달려 있습니다.",
              },
              {
                label: "자격증 확인·면접 일정 조율 같은 행정 업무에만 AI 사용",
                description:
                  "지원자에 대한 판단은 모두 사람이 하지만, 그동안 얻은 속도는 대부분 잃습니다.",
              },
              {
                label: "빠른 AI 심사와 느린 사람 심사 중 지원자가 선택",
                description:
                  "지원자의 선호를 존중하지만, 두 방식이 똑같이 공정하다는 보장이 없고 어떤 방식을 골랐는지가 또 다른 평가 신호가 될 수 있습니다.",
              },
              {
                label: "채용에서 AI 사용 중단, 업계 공통 규칙 마련을 먼저 추진",
                description:
                  "분명한 윤리적 입장을 보여 주지만, 경쟁사들이 AI를 계속 쓰는 동안 회사가 불리해질 수 있습니다.",
              },
            ],
          },
        ],
      },
      en: {
        title: "Screened Out: The Hiring Algorithm That Learned Old Habits",
        summary:
          "An audit shows that Daon Group's résumé-screening AI has been scoring some groups of applicants lower. With hiring season three weeks away, decide what to fix, whom to tell, and whether to keep the system at all.",
        opening:
          "Daon Group, a retail and logistics company with 15,000 employees, receives about 120,000 job applications a year. Two years ago it introduced PickFit, an in-house AI system that reads résumés and scores each applicant. Screening time dropped from six weeks to five days, and the company has advertised its hiring as “objective and data-driven.”\n\n" +
          "PickFit learned what a “good hire” looks like from ten years of Daon's own records: who was hired, and which of those employees later received high performance ratings from their managers.\n\n" +
          "Last month, an external audit requested by the union found a pattern. Applicants with career gaps of more than a year — most of them women returning to work after raising children — passed the screening about 40% less often than applicants with similar skills. Graduates of regional universities and applicants over 45 were also scored lower. Nobody designed it this way on purpose; the system appears to have learned it from the past.\n\n" +
          "About 9,000 applicants were screened out by PickFit over the last two years. Hiring season for 800 positions begins in three weeks. The company must decide quickly what to do with the system, what to tell the people it rejected, and who should be accountable.",
        roles: [
          {
            name: "HR Director, Daon Group",
            brief:
              "You brought PickFit into the company and are responsible for hiring. The system made it possible to handle a flood of applications with a small team, and you believe human screeners were never perfectly fair either. You care about running hiring smoothly, protecting the company's reputation, and treating applicants fairly.",
            privateBrief:
              "You presented PickFit to the board as a system “free of human bias,” and next month the board will decide on your promotion to Chief People Officer. A year ago, an internal report flagged a possible age bias; you chose to “keep monitoring” rather than act, and that report could surface. If PickFit is switched off, you will need to hire about 30 temporary screeners at short notice, and your budget does not cover it.",
          },
          {
            name: "Rejected Applicant",
            brief:
              "You are a 41-year-old logistics planner with twelve years of experience who took three years off to care for your child. You applied to Daon, and PickFit rejected you within hours. You now speak for an online group of about 300 applicants who believe they were unfairly screened out. You care about being judged as a person, getting a real explanation, and making sure this doesn't happen to others.",
            privateBrief:
              "A labor-rights law firm has offered to bring a class action at no upfront cost; winning could mean substantial compensation, but it would take years, and you need a job now. Daon's HR director has hinted that you could get an interview for a good position if you stay “constructive.” You also know that a few members of your group have exaggerated their qualifications online, which could damage the whole group's credibility if it comes out.",
          },
          {
            name: "Data Scientist, PickFit Team",
            brief:
              "You lead the in-house team that built PickFit. You believe bias in an algorithm can be measured and reduced — which makes it easier to deal with than the hidden, inconsistent biases of individual human screeners. You care about technical honesty and about fixing the system properly rather than abandoning it.",
            privateBrief:
              "During development you warned that training on past hiring decisions and manager ratings could copy old biases, but you were told to launch on schedule. You still have those emails. Removing the bias would lower PickFit's “accuracy” score by about 8% — but that score is measured against past manager ratings, which may themselves be biased. A proper fairness check requires collecting applicants' gender and age, which some colleagues see as a privacy risk. A competitor has also offered you a job; leaving now would be easy, but it might look like running away.",
          },
        ],
        rounds: [
          {
            question: "Hiring season starts in three weeks. What should happen to PickFit this season?",
            options: [
              {
                label: "Suspend PickFit; people screen every application this season",
                description:
                  "Removes the known algorithmic bias, but hiring slows down, costs rise, and human screeners bring biases of their own.",
              },
              {
                label: "Keep PickFit, but have people re-check every rejection from the affected groups",
                description:
                  "Keeps hiring on schedule while catching some unfair rejections, but requires sorting applicants by gender and age.",
              },
              {
                label: "Keep PickFit running as it is while the team builds a fix",
                description:
                  "Hiring stays fast and predictable, but another season of applicants faces a bias the company already knows about.",
              },
            ],
          },
          {
            question: "How should the model itself be fixed?",
            options: [
              {
                label: "Remove career gaps, university names and graduation years from its inputs",
                description:
                  "Quick and simple, but the model may find other clues that reveal the same things, such as home address or hobbies.",
              },
              {
                label: "Adjust scores so that pass rates are equal across groups",
                description:
                  "Guarantees balanced outcomes, but some will call it unfair to other applicants, and it requires collecting sensitive data.",
              },
              {
                label: "Retrain it on new skills-based assessments instead of past manager ratings",
                description:
                  "Tackles the root of the problem, but takes at least six months and needs data the company doesn't have yet.",
              },
              {
                label: "Let the AI rank applicants, but only a person can reject anyone",
                description:
                  "A person makes every rejection decision, but reviewers may simply rubber-stamp the AI's ranking.",
              },
            ],
          },
          {
            question:
              "What should Daon tell the roughly 9,000 applicants PickFit screened out over the past two years?",
            options: [
              {
                label: "Notify each of them, apologize, and offer a fresh review of their application",
                description:
                  "The most honest and respectful option, but it invites lawsuits and costs a great deal to carry out.",
              },
              {
                label: "Publish a statement about the audit and the fixes, without individual notices",
                description:
                  "Shows openness while limiting costs, but most affected applicants may never learn what happened to them.",
              },
              {
                label: "Say nothing until the legal review is done, and fix the system quietly",
                description:
                  "Protects the company's legal position for now, but could look like a cover-up if the audit leaks.",
              },
            ],
          },
          {
            question:
              "Applicants are demanding to know why they were rejected. Should every applicant be able to get an individual explanation of their score?",
            options: [
              {
                label: "Yes — any applicant can request the main factors behind their score",
                description:
                  "Respects applicants and exposes errors, but explanations of a complex model can be oversimplified, and some people may learn to game the system.",
              },
              {
                label: "No — publish the general criteria, but no individual explanations",
                description:
                  "Protects the system from gaming and keeps things simple, but leaves applicants unable to challenge their own results.",
              },
            ],
          },
          {
            question: "Looking beyond this season: what role should AI play in Daon's hiring from now on?",
            options: [
              {
                label: "Keep a repaired PickFit, with independent bias audits published every year",
                description:
                  "Keeps the efficiency under outside checks, but trust depends on audits catching problems in time.",
              },
              {
                label: "Use AI only for paperwork, such as checking licenses and scheduling interviews",
                description:
                  "People make every judgment about applicants, but the company loses most of the speed it gained.",
              },
              {
                label: "Let applicants choose: fast AI screening or slower human screening",
                description:
                  "Respects applicants' preferences, but the two tracks may not be equally fair, and the choice itself may become a signal.",
              },
              {
                label: "Stop using AI in hiring and push for industry-wide rules first",
                description:
                  "Takes a clear ethical stand, but may put Daon at a disadvantage while competitors keep using AI.",
              },
            ],
          },
        ],
      },
    },
  },

  // ─────────────────────────────────────────────────────────────────────────────
  // 3. Medical triage
  // ─────────────────────────────────────────────────────────────────────────────
  {
    slug: "medical-triage",
    content: {
      ko: {
        title: "누가 먼저인가: 응급 환자의 순서를 정하는 AI",
        summary:
          "AI 응급 분류 도구가 낮은 순위를 매긴 노인 환자가 세 시간을 기다리다 쓰러졌습니다. 과밀한 서린대학교병원 응급실이 이 시스템을 어떻게 쓰고, 고치고, 알려야 할지 결정해야 합니다.",
        opening:
          "서린대학교병원 응급실에는 하루 약 250명의 환자가 찾아옵니다. 병상은 40개뿐이고 간호사는 늘 부족합니다. 병원은 1년 전 ‘트리아지넷(TriageNet)’이라는 AI 도구를 도입했습니다. 접수 단계에서 환자의 활력 징후, 증상, 병력을 읽고 얼마나 급하게 진료를 받아야 하는지 순위를 매기는 시스템입니다.\n\n" +
          "결과는 좋아 보였습니다. 평균 대기 시간이 25% 줄었고, 의사들은 바쁜 의료진이 놓칠 뻔한 숨은 패혈증을 트리아지넷이 여러 번 잡아냈다고 말합니다. 간호사는 AI가 매긴 순위를 바꿀 수 있지만, 그러려면 별도의 서류를 작성해야 합니다.\n\n" +
          "2주 전, 78세 여성 환자가 피로감과 가벼운 가슴 답답함을 호소하며 응급실을 찾았습니다. 트리아지넷은 이 환자를 낮은 순위로 분류했습니다. 환자는 세 시간 가까이 기다리다 대기실에서 심근경색으로 쓰러졌습니다. 목숨은 건졌지만 긴 회복 기간이 필요합니다.\n\n" +
          "노인의 심근경색은 흔히 모호하고 비전형적인 증상으로 나타납니다. 가족들은 AI가 어머니를 놓친 것인지, 의료진이 AI를 너무 믿은 것인지, 다른 노인 환자들에게도 같은 일이 일어나고 있는 것은 아닌지 묻고 있습니다. 병원은 조사에 착수했고, 모두가 병원의 다음 행보를 지켜보고 있습니다.",
        roles: [
          {
            name: "응급의학과 전문의",
            brief:
              "야간 근무를 많이 서는 응급의학과 전문의입니다. 트리아지넷이 위험한 환자를 일찍 찾아내는 것을 직접 보았지만, 지친 의료진이 AI를 맹목적으로 믿기 시작한 것 같아 걱정됩니다. 환자의 안전, 의사와 간호사의 실질적인 임상 판단, 그리고 실제로 돌아가는 응급실을 중요하게 여깁니다.",
            privateBrief:
              "지난 두 달 동안 당신은 직접 진료한 300건의 사례를 조용히 검토했습니다. 75세 이상 환자에게서 트리아지넷이 순위를 지나치게 낮게 매긴 비율은 젊은 성인의 약 두 배였고, 노인 환자가 증상을 모호하게 표현하는 경우가 많은 것이 원인으로 보였습니다. 표본이 작고 확신이 없어 공식 보고는 하지 않았습니다. 사고 당일 밤 당직 책임 의사는 당신이었고, 인력 부족으로 분류 담당 간호사가 두 구역을 동시에 맡고 있었다는 것도 알고 있습니다. 또한 추가 서류가 생긴 뒤로 의료진이 AI 순위를 바꾸는 일이 눈에 띄게 줄었다는 사실도 알고 있습니다.",
          },
          {
            name: "병원 기획조정실장",
            brief:
              "병원의 기획과 운영을 책임지고 있습니다. 만성적인 응급실 과밀과 간호 인력 부족에 대응하려고 트리아지넷을 도입했습니다. 응급실을 찾는 모든 환자를 위해 응급실이 제대로 돌아가게 하는 것, 병원의 재정, 그리고 병원의 평판을 중요하게 여깁니다.",
            privateBrief:
              "병원은 응급실 대기 시간 목표를 달성한 대가로 정부로부터 매년 약 12억 원의 지원금을 받고 있고, 목표를 달성하게 된 가장 큰 이유가 트리아지넷입니다. 이 시스템이 없으면 간호사 6명분의 인건비가 위태로워집니다. 공급업체와의 계약서에는 공식 조사 결과가 나오기 전에 병원이 피해를 소프트웨어 탓으로 공개 발표하면 위약금을 내야 한다는 조항이 있습니다. 법무팀은 비밀 유지 조항을 붙여 가족에게 넉넉한 합의금을 제안하라고 권하고 있습니다.",
          },
          {
            name: "환자 가족 대표",
            brief:
              "78세 환자의 자녀이며, 지금은 지역 환자 권리 단체의 대변인 역할도 맡고 있습니다. 무슨 일이 있었는지 모든 진실을 알고 싶고, 노인 환자가 덜 급한 환자로 취급받지 않는다는 확신을 원합니다. 정직, 존엄, 그리고 평등한 대우를 중요하게 여깁니다.",
            privateBrief:
              "병원은 비밀 유지 계약에 서명하면 모든 치료비와 그 이상을 보상하겠다고 비공식적으로 제안했습니다. 어머니의 긴 회복 과정에 드는 비용 때문에 가족은 지금 형편이 어렵습니다. 또한 어머니가 폐를 끼치고 싶지 않아서 접수 간호사에게 ‘그렇게 많이 아프지는 않다’고 말했다는 것을 알고 있습니다. 이 말이 AI의 점수에도 영향을 주었을 수 있습니다. 환자 단체는 당신이 AI 분류 금지를 요구하길 바라지만, 트리아지넷 덕분에 아이의 패혈증을 일찍 발견한 한 회원은 강하게 반대하고 있습니다.",
          },
        ],
        rounds: [
          {
            question:
              "전체 조사에는 한 달이 걸립니다. 그때까지 응급실에서 트리아지넷은 어떤 역할을 해야 합니까?",
            options: [
              {
                label: "트리아지넷을 주 분류 도구로 유지, 간호사는 서류 없이 순위 변경 가능",
                description:
                  "모든 환자의 대기 시간을 줄일 수 있지만, 조사가 끝나기 전에 같은 오류가 다시 일어날 수 있습니다.",
              },
              {
                label: "간호사 중심 분류로 복귀, 트리아지넷은 참고용 경고만",
                description:
                  "사람의 판단이 다시 중심이 되지만, 대기 시간이 늘어 다른 환자들이 지연으로 피해를 볼 수 있습니다.",
              },
            ],
          },
          {
            question:
              "병원 데이터팀이 확인했습니다. 트리아지넷은 75세 이상 환자의 순위를 젊은 성인보다 약 두 배 자주 지나치게 낮게 매깁니다. 무엇을 바꿔야 합니까?",
            options: [
              {
                label: "75세 이상 환자는 모두 자동으로 한 단계 상향",
                description:
                  "간단하고 노인 환자를 확실히 보호하지만, 붐비는 응급실에서 다른 환자들은 그만큼 뒤로 밀립니다.",
              },
              {
                label: "75세 이상 환자가 낮은 순위를 받으면 간호사가 반드시 재확인",
                description:
                  "알려진 약점을 정확히 겨냥하지만, 부족한 간호 인력이 다른 환자에게 쓸 시간을 빼앗습니다.",
              },
              {
                label: "노인 환자 데이터를 보강한 재학습을 업체에 요청, 그동안은 계속 사용",
                description:
                  "장기적으로 원인을 고칠 수 있지만, 몇 달 동안은 격차가 그대로 남습니다.",
              },
              {
                label: "75세 이상 환자에게만 트리아지넷 사용 중단",
                description:
                  "그 집단의 알려진 위험은 사라지지만, 노인 환자는 패혈증 조기 발견의 혜택을 잃습니다.",
              },
            ],
          },
          {
            question: "진료 순서를 정하는 데 AI가 관여한다는 사실을 환자에게 알려야 합니까?",
            options: [
              {
                label: "접수 때 알리고, 원하면 사람만의 평가를 요청할 권리 보장",
                description:
                  "환자의 자기 결정권을 존중하지만, 응급 상황에서 의미 있는 선택을 할 수 있는 사람은 많지 않고 접수가 느려질 수 있습니다.",
              },
              {
                label: "응급실에 일반 안내문만 게시, 거부권은 없음",
                description:
                  "진료를 늦추지 않으면서 시스템을 정직하게 알리지만, 환자에게 실질적인 선택권은 없습니다.",
              },
              {
                label: "별도 고지 없음: 임상 보조 도구일 뿐, 책임은 의료진에게",
                description:
                  "AI를 다른 의료 장비처럼 취급하는 것이지만, 환자가 나중에 알게 되면 속았다고 느낄 수 있습니다.",
              },
            ],
          },
          {
            question:
              "조사 결과, 그날 밤 AI의 낮은 분류와 인력 부족이 모두 원인이었다는 결론이 나왔습니다. 병원은 무엇을 공개해야 합니까?",
            options: [
              {
                label: "AI의 역할과 인력 문제를 포함한 조사 결과 전체 공개",
                description:
                  "사회적 신뢰를 얻고 다른 병원에도 경각심을 주지만, 업체 위약금이 발생하고 대기 시간 지원금이 위태로워질 수 있습니다.",
              },
              {
                label: "가족과 보건 당국에는 모두 알리되 대외 발표는 하지 않음",
                description:
                  "법적 의무를 다하고 감독 기관도 알게 되지만, 다른 환자와 병원은 이 사례에서 배울 수 없습니다.",
              },
              {
                label: "가족과 비공개로 합의하고 내부적으로만 개선",
                description:
                  "가족의 경제적 부담을 빨리 덜고 병원을 보호하지만, 나이에 따른 격차는 세상에 알려지지 않습니다.",
              },
            ],
          },
          {
            question:
              "장기적인 원칙을 정해 봅시다. 한 환자를 두고 트리아지넷과 의료진의 판단이 다르면 누가 결정해야 합니까?",
            options: [
              {
                label: "항상 의료진이 결정, 순위 변경에 사유 불필요",
                description:
                  "사람의 판단이 중심에 남지만, 지친 의료진이 옳은 경고까지 무시할 수 있습니다.",
              },
              {
                label: "AI 순위가 기본, 변경 시 간단한 사유를 남기고 양쪽 모두 감사",
                description:
                  "배울 수 있는 기록이 쌓이지만, 의료진이 자기 판단을 믿기 어렵게 만들 수 있습니다.",
              },
              {
                label: "둘 중 더 긴급한 쪽의 순위를 적용",
                description:
                  "환자 개개인에게는 가장 안전하지만, 최상위 등급에 환자가 몰려 등급의 의미가 사라질 수 있습니다.",
              },
              {
                label: "AI는 순서를 정하지 않고 대기 환자의 상태 악화 감시에만 사용",
                description:
                  "유용한 안전망은 남기면서 AI가 순서를 정하지 않게 하지만, 줄어든 대기 시간의 대부분을 포기해야 합니다.",
              },
            ],
          },
        ],
      },
      en: {
        title: "Who Waits? An AI That Ranks Emergency Patients",
        summary:
          "An older patient collapsed after waiting three hours when an AI triage tool ranked her as low priority. Decide how Seorin University Hospital's overcrowded emergency room should use, correct and disclose the system.",
        opening:
          "The emergency department at Seorin University Hospital sees about 250 patients a day, with only 40 beds and never enough nurses. A year ago the hospital introduced TriageNet, an AI tool that reads each patient's vital signs, symptoms and medical history at registration and ranks how urgently they need to be seen.\n\n" +
          "The results looked good. Average waiting time fell by 25%, and doctors say TriageNet has caught several cases of hidden sepsis that busy staff might have missed. Nurses can override its ranking, but doing so requires filling in an extra form.\n\n" +
          "Two weeks ago, a 78-year-old woman came in complaining of tiredness and mild chest discomfort. TriageNet ranked her as low priority. She waited almost three hours, then collapsed in the waiting room with a heart attack. She survived, but faces a long recovery.\n\n" +
          "Heart attacks in older people often show up with vague, unusual symptoms. Her family is asking whether the AI missed her, whether staff trusted it too much, and whether the same thing is happening to other older patients. The hospital has launched a review, and everyone is watching what it will do next.",
        roles: [
          {
            name: "Emergency Physician",
            brief:
              "You are a senior emergency doctor who works many night shifts. You have seen TriageNet catch dangerous cases early, but you worry that exhausted staff are starting to trust it blindly. You care about patient safety, about doctors and nurses keeping real clinical judgment, and about an emergency room that actually works.",
            privateBrief:
              "Over the past two months you quietly reviewed 300 of your own cases. For patients over 75, TriageNet ranked them too low about twice as often as it did for younger adults, often because older patients describe their symptoms vaguely. You haven't reported it formally: the sample is small and you aren't certain. You were the senior doctor on duty on the night of the incident, and you know the triage nurse was covering two stations because of a staff shortage. You also know that overrides have dropped noticeably since the extra paperwork was introduced.",
          },
          {
            name: "Hospital Administrator",
            brief:
              "You run planning and operations for the hospital. You introduced TriageNet to cope with chronic overcrowding and a shortage of nurses. You care about keeping the emergency room working for everyone who comes through the door, the hospital's finances, and its reputation.",
            privateBrief:
              "The hospital receives a government bonus of about 1.2 billion won a year for meeting emergency waiting-time targets, and TriageNet is the main reason you now meet them. Without it, funding for six nurse positions is at risk. The vendor's contract includes a penalty if the hospital publicly blames the software for harm before a formal finding. The legal team advises offering the family a generous settlement with a confidentiality clause.",
          },
          {
            name: "Patient Family Representative",
            brief:
              "You are the adult child of the 78-year-old patient, and you now also speak for a local patients' rights group. You want the whole truth about what happened and assurance that older patients will not be treated as less urgent. You care about honesty, dignity and equal treatment.",
            privateBrief:
              "The hospital has informally offered your family a settlement covering all treatment costs and more — if you sign a confidentiality agreement. Your family is struggling with the cost of your mother's long recovery. You also know that your mother told the intake nurse her pain was “not that bad” because she didn't want to be a bother, which may have affected the AI's score. Your patients' group wants you to demand a ban on AI triage, but one member, whose child's sepsis was caught early by TriageNet, strongly disagrees.",
          },
        ],
        rounds: [
          {
            question:
              "The full review will take a month. Until then, what role should TriageNet play in the emergency room?",
            options: [
              {
                label: "Keep TriageNet as the main ranking tool; nurses may override it without paperwork",
                description:
                  "Keeps waiting times down for everyone, but the same kind of error could happen again before the review ends.",
              },
              {
                label: "Return to nurse-led triage, with TriageNet giving background alerts only",
                description:
                  "Puts human judgment back in charge, but waiting times will rise and other patients may be harmed by delays.",
              },
            ],
          },
          {
            question:
              "The hospital's data team confirms it: TriageNet ranks patients over 75 too low about twice as often as younger adults. What should change?",
            options: [
              {
                label: "Automatically move every patient over 75 up one priority level",
                description:
                  "Simple and protective for older patients, but pushes everyone else further back in a crowded room.",
              },
              {
                label: "Require a nurse's second check whenever a patient over 75 is ranked low",
                description:
                  "Targets the known weak spot, but takes scarce nurse time away from other patients.",
              },
              {
                label: "Have the vendor retrain it on more older-patient data; keep using it meanwhile",
                description: "Fixes the cause in the long run, but the gap remains for months.",
              },
              {
                label: "Stop using TriageNet for patients over 75 only",
                description:
                  "Removes the known risk for that group, but older patients lose the benefit of early sepsis detection.",
              },
            ],
          },
          {
            question: "Should patients be told that an AI helps decide the order in which they are seen?",
            options: [
              {
                label: "Yes, at registration, with the right to ask for a human-only assessment",
                description:
                  "Respects patients' autonomy, but few people can make a meaningful choice in an emergency, and registration may slow down.",
              },
              {
                label: "Yes, through a general notice posted in the ER, with no opt-out",
                description:
                  "Honest about how the system works without slowing care, but patients have no real say.",
              },
              {
                label: "No special notice: it is a clinical support tool, and clinicians stay responsible",
                description:
                  "Treats the AI like any other medical equipment, but patients may feel deceived if they find out later.",
              },
            ],
          },
          {
            question:
              "The review concludes that both the AI's low ranking and the staff shortage that night contributed. What should the hospital disclose?",
            options: [
              {
                label: "Publish the full findings, including the AI's role and the staffing problem",
                description:
                  "Builds public trust and warns other hospitals, but triggers the vendor penalty and may put the waiting-time bonus at risk.",
              },
              {
                label: "Tell the family and health authorities everything, but make no public statement",
                description:
                  "Meets legal duties and informs regulators, but other patients and hospitals cannot learn from the case.",
              },
              {
                label: "Settle confidentially with the family and fix the problems internally",
                description:
                  "Quickly eases the family's financial burden and protects the hospital, but keeps the age gap hidden from the public.",
              },
            ],
          },
          {
            question:
              "For the long term: when TriageNet and a clinician disagree about a patient, who should decide?",
            options: [
              {
                label: "The clinician always decides, and overrides need no justification",
                description:
                  "Keeps human judgment in charge, but tired staff may also override warnings that were correct.",
              },
              {
                label: "The AI ranking is the default; overrides need a short reason, and both are audited",
                description:
                  "Builds a record to learn from, but may make staff less willing to trust their own judgment.",
              },
              {
                label: "The patient gets whichever of the two rankings is more urgent",
                description:
                  "Safest for each individual patient, but the top categories may overflow and lose their meaning.",
              },
              {
                label: "Use the AI only to alert staff when waiting patients get worse, not to rank them",
                description:
                  "Keeps a useful safety net without letting the AI set the order, but gives up most of the time savings.",
              },
            ],
          },
        ],
      },
    },
  },

  // ─────────────────────────────────────────────────────────────────────────────
  // 4. Public facial recognition
  // ─────────────────────────────────────────────────────────────────────────────
  {
    slug: "public-facial-recognition",
    content: {
      ko: {
        title: "군중 속의 얼굴: 도림시장 얼굴 인식 카메라",
        summary:
          "도림역 인근에서 흉기 사건이 일어난 뒤, 경찰이 시장 일대에 실시간 얼굴 인식 카메라를 설치하려 합니다. 카메라를 설치할지, 누구를 어떻게 찾을지, 잘못 인식했을 때는 어떻게 할지 정해야 합니다.",
        opening:
          "도림시장은 도림시에서 가장 붐비는 곳입니다. 전통시장과 지하철역, 광장이 모여 있어 하루 약 8만 명이 오갑니다. 장을 보러 온 주민, 출퇴근하는 직장인, 학생, 그리고 근처에 사는 이주 노동자도 많습니다.\n\n" +
          "올봄 들어 소매치기와 야간 기물 파손이 크게 늘었고, 지난달에는 역 출구 근처에서 한 남성이 흉기에 찔리는 사건까지 일어났습니다. 상인들은 손님들이 불안해한다고 말하고, 경찰은 대책을 내놓으라는 압박을 받고 있습니다.\n\n" +
          "경찰은 6개월 동안 실시간 얼굴 인식 시스템을 시범 운영하자고 제안했습니다. 카메라 60대가 지나가는 모든 사람의 얼굴을 인식해 경찰이 등록한 명단과 실시간으로 대조하고, 일치하는 사람이 나타나면 근처 경찰관에게 사진과 함께 알림을 보내는 방식입니다. 찬성하는 쪽은 길을 잃은 아이나 배회하는 치매 노인도 빨리 찾을 수 있다고 말합니다.\n\n" +
          "업체는 정확도가 99%라고 주장합니다. 그러나 독립 연구소 시험에서는 피부색이 어두운 사람과 70세 이상 노인을 엉뚱한 사람으로 잘못 인식하는 비율이 몇 배나 높게 나왔습니다. 비판하는 쪽은 카메라가 군중 속 모든 사람의 신원을 알아낼 수 있게 되면, 장 보는 사람이든 집회에 나온 사람이든 광장에서 더는 익명으로 지낼 수 없다고 경고합니다.\n\n" +
          "시의회는 경찰, 시민 자유 단체, 상인회에 합의된 권고안을 마련해 달라고 요청했습니다.",
        roles: [
          {
            name: "도림경찰서장",
            brief:
              "도림경찰서를 이끌고 있습니다. 흉기 사건과 절도 증가 이후 주민과 상인들은 눈에 보이는 대책을 기대하고 있습니다. 얼굴 인식 기술이 있으면 수배자, 실종 아동, 배회하는 치매 노인을 며칠이 아니라 몇 분 만에 찾을 수 있다고 믿습니다. 시민의 안전과 과중한 경찰 업무를 중요하게 여깁니다.",
            privateBrief:
              "경찰청은 도림서가 시범 지역이 되면 30억 원 규모의 장비를 지원하겠다고 했지만, 두 달 안에 시스템을 가동해야 한다는 조건이 붙어 있습니다. 일부 형사들은 이미 비공식적으로 SNS에서 구한 사진을 상업용 얼굴 검색 사이트에 넣어 수사에 활용해 왔습니다. 이 사실이 알려지면 큰 논란이 될 수 있습니다. 또한 흉기 사건 용의자는 얼굴 인식 없이 일반 CCTV와 목격자 진술만으로 몇 시간 만에 붙잡혔다는 사실도 알고 있습니다.",
          },
          {
            name: "디지털 인권 단체 변호사",
            brief:
              "디지털 인권 단체에서 일하는 변호사입니다. 공공장소에서 모든 사람의 신원을 확인하는 것은 익명으로 다닐 자유를 없애고, 사람들이 집회에 나서기를 꺼리게 만들며, 취약한 집단을 부당한 검문에 노출시킨다고 주장합니다. 사생활, 적법 절차, 집회의 자유를 중요하게 여깁니다.",
            privateBrief:
              "단체에 가장 많이 후원하는 사람은 전면 금지를 원하며, 조금이라도 타협하면 후원을 끊겠다는 뜻을 내비쳤습니다. 그런데 지난해 자폐가 있는 아들이 14시간 동안 실종되었던 한 어머니가 연락해 와, 실종자를 찾는 데만이라도 쓰게 해 달라고 간절히 부탁했고 당신은 그 이야기에 마음이 흔들렸습니다. 또한 다음 달 주민들이 재개발 사업에 반대하는 집회를 시장 광장에서 열 계획인데, 많은 참가자가 집주인이나 고용주에게 신원이 알려질까 두려워한다는 것도 알고 있습니다.",
          },
          {
            name: "도림시장 상인회장",
            brief:
              "도림시장에서 작은 가게를 운영하며 상인회장을 맡고 있습니다. 물건 도난과 기물 파손으로 장사에 타격을 입었고, 손님들은 밤에 불안하다고 말합니다. 이 동네에 살며 매일 광장을 지나다니는 주민이기도 합니다. 안전, 상인들의 생계, 그리고 시장의 평판을 중요하게 여깁니다.",
            privateBrief:
              "한 보안 업체가 상인들에게 ‘상습 절도범’ 공유 명단과 연결된 얼굴 인식 카메라를 싼값에 설치해 주겠다고 제안했습니다. 몇몇 상인은 시의 결정과 상관없이 설치하겠다고 하고, 상인회장인 당신은 계약이 성사되면 수수료를 받게 됩니다. 몇 년 전 조카는 용의자와 ‘닮았다’는 이유로 경찰에게 잘못 붙잡혀 몸수색을 당했고, 가족들은 아직도 그 모욕감을 기억합니다. 단골손님 중에는 이주 노동자가 많은데, 이들은 카메라가 자신을 알아본다면 더는 시장에 오지 않겠다고 말했습니다.",
          },
        ],
        rounds: [
          {
            question: "시장 일대에서 실시간 얼굴 인식 시범 운영을 시작해야 합니까?",
            options: [
              {
                label: "경찰 제안대로 6개월 전면 시범 운영",
                description:
                  "기술을 실제로 검증하고 범죄를 억제할 수 있지만, 매일 모든 사람의 얼굴을 스캔하게 됩니다.",
              },
              {
                label: "실종자 수색과 강력범죄 영장 집행에만 제한적으로 운영",
                description:
                  "꼭 필요한 경우로 좁히지만, 카메라와 설비가 일단 설치되면 나중에 용도가 넓어질 수 있습니다.",
              },
              {
                label: "도입하지 않고 조명·순찰·일반 CCTV 강화",
                description:
                  "공공장소의 익명성을 지키지만, 실종 아동을 몇 분 만에 찾을 수도 있는 수단을 포기합니다.",
              },
            ],
          },
          {
            question: "카메라를 쓴다면, 카메라가 찾을 명단에는 누구의 얼굴을 올려야 합니까?",
            options: [
              {
                label: "죄의 경중과 관계없이 체포 영장이 발부된 모든 사람",
                description:
                  "더 많은 수배자를 잡을 수 있지만, 가벼운 범죄의 수배자도 강력범과 똑같이 취급됩니다.",
              },
              {
                label: "강력범죄 용의자와 가족이 신고한 실종자",
                description:
                  "가장 심각한 경우에 집중하지만, 어디까지를 ‘강력범죄’로 볼지 누군가 정해야 합니다.",
              },
              {
                label: "가족이 동의한 실종자만",
                description:
                  "가장 덜 침해적인 인도적 활용이지만, 범죄 대응에는 거의 도움이 되지 않습니다.",
              },
              {
                label: "경찰관이 관심 대상으로 지정한 사람, 상급자가 매주 검토",
                description:
                  "수사에 유연하게 쓸 수 있지만, 아무 혐의가 없는 사람도 추적당할 수 있습니다.",
              },
            ],
          },
          {
            question:
              "피부색이 어두운 사람과 70세 이상 노인은 잘못 인식되는 비율이 몇 배나 높습니다. 시스템이 누군가를 지목하면 경찰관은 어떻게 해야 합니까?",
            options: [
              {
                label: "즉시 불러 세워 신분 확인",
                description:
                  "용의자가 사라지기 전에 잡을 수 있지만, 죄 없는 사람들, 특히 특정 집단이 더 자주 사람들 앞에서 검문을 당하게 됩니다.",
              },
              {
                label: "다른 경찰관이 영상으로 일치 여부를 재확인·기록한 뒤에만 접근",
                description:
                  "잘못된 검문은 크게 줄지만, 확인하는 사이 진짜 용의자가 빠져나갈 수 있습니다.",
              },
            ],
          },
          {
            question:
              "상인들이 ‘상습 절도범’ 공유 명단과 연결된 얼굴 인식 카메라를 각자 가게에 설치하려 합니다. 이를 허용해야 합니까?",
            options: [
              {
                label: "등록제로 허용하고 모든 가게 입구에 안내문 부착",
                description:
                  "작은 가게가 스스로를 지킬 수 있지만, 민간 명단에 유죄 판결을 받은 적 없는 사람이 오를 수 있습니다.",
              },
              {
                label: "일치 결과는 가게가 아닌 경찰에만 전달, 민간 명단은 금지",
                description:
                  "신원 확인을 공적 규칙 아래 두지만, 경찰 업무가 늘고 모든 손님이 여전히 스캔됩니다.",
              },
              {
                label: "지역 내 민간 얼굴 인식 전면 금지",
                description:
                  "제각각인 민간 감시망을 막지만, 상인들은 필요하다고 말하는 수단을 잃습니다.",
              },
            ],
          },
          {
            question:
              "다음 달 주민들이 시장 광장에서 재개발 반대 집회를 엽니다. 사람이 많이 모이는 집회에서는 얼굴 인식에 어떤 규칙을 적용해야 합니까?",
            options: [
              {
                label: "평소대로 운영: 범죄는 사람이 많은 곳에서 자주 일어남",
                description:
                  "안전 감시는 유지되지만, 신원이 드러날까 두려워 집회에 나오지 않는 사람이 생길 수 있습니다.",
              },
              {
                label: "신고된 집회·시위 중에는 시스템 중단",
                description:
                  "집회의 자유를 보호하지만, 위험한 사람이 그 빈틈을 노릴 수 있습니다.",
              },
              {
                label: "집회 중에는 실종자만 검색하고 나머지 데이터는 24시간 안에 삭제",
                description:
                  "인도적 활용은 남기고 추적은 제한하지만, 참가자는 규칙이 지켜진다고 믿을 수밖에 없습니다.",
              },
              {
                label: "집회마다 독립적인 시민 감독위원회의 승인을 받아 운영",
                description:
                  "외부 견제와 시민의 목소리가 더해지지만, 결정이 늦거나 들쭉날쭉할 수 있습니다.",
              },
            ],
          },
        ],
      },
      en: {
        title: "Faces in the Crowd: Facial Recognition at Dorim Market",
        summary:
          "After a stabbing near Dorim Station, police want live facial recognition cameras in the market district. Decide whether the cameras should watch, whom they should look for, and what happens when they get it wrong.",
        opening:
          "Dorim Market is the busiest place in Dorim City: a traditional market, a metro station and a square where about 80,000 people pass each day — shoppers, commuters, students, and many migrant workers who live nearby.\n\n" +
          "This spring, pickpocketing and night-time vandalism rose sharply, and last month a man was stabbed near the station exit. Merchants say customers are afraid, and the police are under pressure to act.\n\n" +
          "The police have proposed a six-month pilot of live facial recognition: 60 cameras that scan every face passing by and compare it in real time with a police watchlist. When the system finds a match, nearby officers receive an alert with a photo. Supporters point out that it could also quickly find lost children or older people with dementia who have wandered off.\n\n" +
          "The vendor claims 99% accuracy. But an independent lab found that false matches were several times more common for people with darker skin and for people over 70. Critics warn that once cameras can name everyone in a crowd, nobody in the square is anonymous anymore — not shoppers, and not protesters.\n\n" +
          "The city council has asked the police, a civil-liberties group and the merchants' association to agree on a recommendation.",
        roles: [
          {
            name: "Dorim Police Chief",
            brief:
              "You lead the Dorim police district. After the stabbing and the rise in thefts, residents and merchants expect visible action. You believe facial recognition can find wanted suspects, missing children and wandering dementia patients in minutes instead of days. You care about public safety and your officers' heavy workload.",
            privateBrief:
              "The national police agency will give your district 3 billion won in new equipment if it becomes the pilot site — but only if the system goes live within two months. Some of your detectives have already, unofficially, run photos from social media through a commercial face-search website during investigations; if this comes out, it could become a scandal. You also know that the stabbing suspect was caught within hours using ordinary CCTV and witness statements — no facial recognition was needed.",
          },
          {
            name: "Digital-Rights Lawyer",
            brief:
              "You are a lawyer with a digital-rights organization. You argue that identifying everyone in public spaces ends the freedom to move around anonymously, discourages people from joining protests, and exposes vulnerable groups to wrongful stops. You care about privacy, due process and freedom of assembly.",
            privateBrief:
              "Your organization's largest donor wants a complete ban and has hinted they will stop funding you if you accept any compromise. But a mother whose autistic son went missing for 14 hours last year has contacted you, pleading for a narrow use to find missing people, and her story has moved you. You also know that residents plan a protest in the market square next month against a redevelopment project, and many of them fear being identified by their landlords or employers.",
          },
          {
            name: "Chair, Dorim Market Merchants' Association",
            brief:
              "You run a small shop in Dorim Market and chair the merchants' association. Shoplifting and vandalism have hurt business, and customers say they feel unsafe at night. You also live in the neighborhood and walk through the square every day. You care about safety, your members' livelihoods and the market's reputation.",
            privateBrief:
              "A security company has offered merchants cheap face-recognition cameras for their own shops, linked to a shared “known shoplifters” list. Several members want to install them whatever the city decides, and as chair you would receive a commission if the deal goes through. Years ago your nephew was wrongly stopped and searched by police because he “looked like” a suspect, and your family still remembers the humiliation. Many of your regular customers are migrant workers who have told you they would stop coming if cameras identify them.",
          },
        ],
        rounds: [
          {
            question: "Should the live facial recognition pilot go ahead in the market district?",
            options: [
              {
                label: "Yes: a full six-month pilot, as the police proposed",
                description:
                  "Gives the technology a real test and may deter crime, but scans everyone's face every day.",
              },
              {
                label: "Only for narrow uses: missing persons and warrants for serious violent crimes",
                description:
                  "Limits use to the strongest cases, but once the cameras are installed, their use could expand later.",
              },
              {
                label: "No: invest in lighting, patrols and ordinary CCTV instead",
                description:
                  "Protects anonymity in public, but gives up a tool that might find a missing child in minutes.",
              },
            ],
          },
          {
            question: "If the cameras are used, whose faces should be on the watchlist they search for?",
            options: [
              {
                label: "Anyone with an outstanding arrest warrant, for any offense",
                description:
                  "Catches more wanted people, but people wanted for minor offenses are treated the same as violent criminals.",
              },
              {
                label: "Suspects of serious violent crimes, plus missing persons reported by their families",
                description:
                  "Focuses on the gravest cases, but someone must decide where “serious” ends.",
              },
              {
                label: "Missing persons only, with family consent",
                description:
                  "The least intrusive, humanitarian use, but it does almost nothing against crime.",
              },
              {
                label: "Anyone officers flag as a person of interest, reviewed weekly by a supervisor",
                description:
                  "Flexible for investigations, but people could be tracked without any charge against them.",
              },
            ],
          },
          {
            question:
              "False matches are several times more common for people with darker skin and for people over 70. What should an officer do when the system flags someone?",
            options: [
              {
                label: "Stop the person immediately and check their ID",
                description:
                  "Fast enough to catch a suspect before they disappear, but innocent people — more often from certain groups — will be stopped in public.",
              },
              {
                label: "Approach only after a second officer confirms the match and logs it",
                description:
                  "Far fewer wrongful stops, but a real suspect may walk away while officers check.",
              },
            ],
          },
          {
            question:
              "Merchants want to install their own face-recognition cameras linked to a shared “known shoplifters” list. Should this be allowed?",
            options: [
              {
                label: "Allow it, with registration and clear signs at every shop entrance",
                description:
                  "Helps small shops protect themselves, but private lists may include people who were never convicted.",
              },
              {
                label: "Allow cameras only if matches go to the police, not shop staff; ban private lists",
                description:
                  "Keeps identification under public rules, but adds to police workload and still scans every customer.",
              },
              {
                label: "Ban private facial recognition in the district entirely",
                description:
                  "Prevents a patchwork of private surveillance, but leaves merchants without a tool they say they need.",
              },
            ],
          },
          {
            question:
              "Next month, residents will protest in the market square against a redevelopment project. What rule should apply to facial recognition at large public gatherings?",
            options: [
              {
                label: "Run the system as usual; crimes often happen in crowds",
                description:
                  "Maintains safety coverage, but some people may stay away from protests for fear of being identified.",
              },
              {
                label: "Switch the system off during registered protests and rallies",
                description:
                  "Protects freedom of assembly, but leaves a gap that a dangerous person could exploit.",
              },
              {
                label: "Search only for missing persons at gatherings; delete other data within 24 hours",
                description:
                  "Keeps a humanitarian use while limiting tracking, but protesters can only trust that the rule is followed.",
              },
              {
                label: "Require approval from an independent citizens' oversight board for each gathering",
                description:
                  "Adds outside checks and a public voice, but decisions may be slow or inconsistent.",
              },
            ],
          },
        ],
      },
    },
  },

  // ─────────────────────────────────────────────────────────────────────────────
  // 5. Generative AI and authorship
  // ─────────────────────────────────────────────────────────────────────────────
  {
    slug: "generative-ai-authorship",
    content: {
      ko: {
        title: "누구의 그림인가: 생성형 AI와 ‘달토끼 빵집’",
        summary:
          "인기 그림책 시리즈의 화풍을 그대로 흉내 내는 AI 이미지 생성기가 등장했고, 개발사는 출판사에 협업을 제안했습니다. 작가가 받아야 할 몫, AI 작품의 표기 방식, 그리고 시리즈의 미래를 결정해야 합니다.",
        opening:
          "직원 40명의 작은 출판사 봄날출판사는 8년 동안 아이들의 사랑을 받아 온 그림책 시리즈 ‘달토끼 빵집’으로 유명합니다. 이 시리즈의 모든 장면은 한 프리랜서 그림책 작가가 손수 수채화로 그렸고, 부드럽고 따뜻한 빛이 감도는 그 화풍은 시리즈의 얼굴이 되었습니다.\n\n" +
          "지난해 뮤즈랩스는 인터넷에서 모은 수억 장의 이미지로 학습한 AI 이미지 생성기 ‘캔버시아’를 출시했습니다. 알고 보니 학습 데이터에는 ‘달토끼 빵집’의 모든 페이지가 들어 있었습니다. 이제 ‘달토끼 빵집 스타일로’라고 입력하기만 하면 독자 대부분이 진짜와 구별하지 못하는 그림이 나옵니다. 이렇게 만든 그림 수천 장이 머그잔, 스티커, 휴대폰 케이스에 찍혀 팔리고 있습니다.\n\n" +
          "그런데 뮤즈랩스가 봄날출판사에 제안을 해 왔습니다. 캔버시아로 1년에 한 권이 아니라 네 권씩 새 책을 만들고, 작가에게는 감수 비용을 지급하며, 출판사에는 큰 금액의 선급금을 주겠다는 것입니다. 뮤즈랩스는 앞으로 ‘작가에게 공정한 시스템’을 만들겠다고도 말합니다.\n\n" +
          "법은 아직 정리되지 않았습니다. 여러 나라의 법원에서 저작권이 있는 작품을 허락 없이 AI 학습에 써도 되는지를 두고 다툼이 이어지고 있고, 전적으로 AI가 만든 그림은 저작권 보호를 받지 못할 수도 있습니다. 그림책 업계는 봄날출판사가 어떤 선택을 할지 지켜보고 있습니다.",
        roles: [
          {
            name: "그림책 작가",
            brief:
              "8년 동안 ‘달토끼 빵집’의 그림을 손으로 그려 왔습니다. 허락 없이 작품을 AI 학습에 쓰는 것은 작가의 노동을 가져가는 일이고, ‘○○ 스타일로’ 같은 명령어는 다른 사람이 작가의 이름으로 돈을 벌게 한다고 생각합니다. 동의, 정당한 크레디트와 대가, 그리고 이제 막 시작하는 젊은 작가들의 미래를 중요하게 여깁니다.",
            privateBrief:
              "봄날출판사와의 계약은 다음 책을 끝으로 만료됩니다. 캐릭터의 권리는 출판사에 있고, 계약서에는 당신의 화풍에 관한 분명한 내용이 없습니다. 당신 없이도 출판사가 AI로 시리즈를 이어 가는 것이 법적으로 가능하다는 뜻입니다. 한편 당신은 남몰래 캔버시아로 배경 밑그림을 그려 왔고, 그 덕분에 몇 주를 아꼈습니다. 이 사실이 알려지면 AI에 반대하는 당신의 입장이 위선적으로 보일 수 있습니다. 다른 출판사가 새 시리즈를 제안했지만, 원고료가 더 낮고 잘 팔린다는 보장도 없습니다.",
          },
          {
            name: "뮤즈랩스 제품 총괄",
            brief:
              "뮤즈랩스에서 캔버시아 개발과 운영을 이끌고 있습니다. 생성형 AI는 그림을 배운 적 없는 사람에게도 창작의 문을 열어 주며, 공개된 이미지로 학습하는 것은 사람 작가들이 서로에게서 배우는 것과 비슷하다고 생각합니다. 혁신과 회사의 성장을 중요하게 여기며, 작가에게도 공정한 구조를 만들겠다고 공언해 왔습니다.",
            privateBrief:
              "뮤즈랩스는 다음 달 신규 투자 유치를 앞두고 있고, 투자자들은 저작권 소송을 걱정하고 있습니다. 이름 있는 출판사와 협업을 성사시키면 투자자들을 안심시킬 수 있지만, 학습에 동의가 필요하다고 인정하는 순간 회사는 학습 데이터 전체에 대한 청구에 노출될 수 있습니다. 엔지니어들은 현재 모델에서 특정 작가의 영향만 빼내는 것은 처음부터 다시 학습하지 않는 한 사실상 불가능하며, 재학습에는 수십억 원이 든다고 보고했습니다. 미술을 전공한 당신은 살아 있는 작가의 이름을 명령어로 쓰는 것에 남몰래 불편함을 느낍니다.",
          },
          {
            name: "봄날출판사 대표",
            brief:
              "봄날출판사를 운영하고 있습니다. 어린이책 시장은 줄어들고 있고, 직원 40명의 생계가 회사의 생존에 달려 있습니다. 좋은 책을 만드는 것, 작가와 독자의 신뢰를 지키는 것, 그리고 회사를 살려 내는 것을 중요하게 여깁니다.",
            privateBrief:
              "봄날출판사는 적자를 내고 있으며, 4개월 뒤 은행 대출 만기 연장 심사가 있습니다. 뮤즈랩스의 선급금이면 부족한 돈을 메울 수 있습니다. 또한 이미 발표한 올해 봄날 그림책 공모전 당선작의 그림 대부분이 AI로 만들어졌고, 응모자가 이를 밝히지 않았다는 사실을 얼마 전 알게 되었습니다. 공모전 규정에는 AI에 관한 내용이 전혀 없었습니다. 선임 편집자 두 명은 회사가 ‘기계로 작가를 대체한다면’ 그만두겠다고 말했습니다.",
          },
        ],
        rounds: [
          {
            question:
              "뮤즈랩스가 캔버시아로 ‘달토끼 빵집’ 새 책을 1년에 네 권씩 만들자고 제안했습니다. 봄날출판사는 어떻게 답해야 합니까?",
            options: [
              {
                label: "수락: 그림은 AI가, 작가는 보수를 받고 ‘미술 감수’로 이름을 올림",
                description:
                  "회사를 살리고 독자에게 더 많은 책을 줄 수 있지만, 작가는 기계가 만든 그림을 검토하는 사람이 됩니다.",
              },
              {
                label: "굿즈·홍보물 등 부가 자료에만 수락, 책 그림은 계속 손으로",
                description:
                  "책의 본질을 지키며 일부 수입을 얻지만, 계약 규모가 줄어 뮤즈랩스가 제시하는 금액도 줄어들 수 있습니다.",
              },
              {
                label: "거절: 시리즈는 전부 손으로 그림",
                description:
                  "작가와 많은 독자의 신뢰를 지키지만, 회사가 대출 연장 심사를 넘기지 못할 수도 있습니다.",
              },
            ],
          },
          {
            question:
              "캔버시아 이용자가 살아 있는 작가의 이름이나 작품명을 화풍 명령어로 쓸 수 있어야 합니까? (예: ‘○○ 스타일로’)",
            options: [
              {
                label: "작가가 동의하고 수익을 나눌 때만 허용, 그 외에는 차단",
                description:
                  "작가가 자기 이름을 통제할 수 있지만, 실제로 막기 어렵고 흔한 창작 방식을 제한합니다.",
              },
              {
                label: "허용: 화풍 자체는 저작권 보호 대상이 아니며, 작가들은 늘 서로를 모방해 왔음",
                description:
                  "도구를 자유롭고 단순하게 유지하지만, 다른 사람이 작가의 명성으로 직접 돈을 벌게 됩니다.",
              },
            ],
          },
          {
            question:
              "캔버시아는 ‘달토끼 빵집’ 전체를 포함해 수백만 점의 작품을 허락 없이 학습했습니다. 뮤즈랩스는 작품이 쓰인 작가들에게 어떤 책임을 져야 합니까?",
            options: [
              {
                label: "과거 학습은 보상 없이, 앞으로의 학습에서 빠질 수 있는 선택권(옵트아웃) 제공",
                description:
                  "회사는 계속 운영할 수 있지만, 부담은 작가에게 돌아가고 과거의 사용은 보상받지 못합니다.",
              },
              {
                label: "옵트아웃과 함께 수익 일부로 작가 공동 보상 기금 조성",
                description:
                  "작가들이 어느 정도 대가를 받지만, 누가 얼마를 받을지 정하기 어렵고 다툼이 생길 것입니다.",
              },
              {
                label: "옵트인 방식: 앞으로는 허락받거나 동의한 작품으로만 학습",
                description:
                  "동의를 온전히 존중하지만, 재학습 비용이 크고 도구의 성능이 떨어질 수 있습니다.",
              },
              {
                label: "법원과 국회의 판단을 기다리며 그때까지는 현행 유지",
                description:
                  "회사가 혼자 규칙을 만드는 일은 피하지만, 수년간의 법적 불확실성 속에서 작가들의 손해가 계속됩니다.",
              },
            ],
          },
          {
            question:
              "올해 봄날 그림책 공모전 당선작의 그림 대부분이 AI로 만들어졌고, 응모자가 이를 밝히지 않았다는 사실이 드러났습니다. 규정에는 AI에 관한 언급이 없었습니다. 어떻게 해야 합니까?",
            options: [
              {
                label: "수상 유지, 내년부터 AI 사용 공개 규정 신설",
                description:
                  "명문화된 규칙을 어기지 않은 응모자에게는 공정하지만, 손으로 그린 다른 응모자들은 억울할 수 있습니다.",
              },
              {
                label: "수상은 유지하되 AI 사용 사실을 공개하고 책에도 표기",
                description:
                  "투명하고 기존 규정을 존중하지만, 책이 독자와 작가들의 비판을 받을 수 있습니다.",
              },
              {
                label: "수상 취소, 차점자에게 상 수여",
                description:
                  "대부분의 응모자가 생각한 공모전의 취지를 지키지만, 명시된 규칙을 어기지 않은 사람을 사후에 처벌하는 셈입니다.",
              },
            ],
          },
          {
            question:
              "마지막으로, AI의 도움을 받아 만든 그림책은 독자에게 어떻게 표시하고 크레디트를 밝혀야 합니까?",
            options: [
              {
                label: "표지에 ‘AI로 제작한 그림’ 등을 분명히 표시",
                description:
                  "독자와 부모가 무엇을 사는지 정확히 알 수 있지만, AI를 조금만 쓴 책까지 낙인찍힐 수 있습니다.",
              },
              {
                label: "책 안쪽 판권면에만 표기",
                description:
                  "정직하면서도 표지를 가리지 않지만, 실제로 확인하는 독자는 드뭅니다.",
              },
              {
                label: "표기 의무 없이 그림을 지휘한 사람을 그림 작가로 표기",
                description:
                  "AI를 붓이나 그래픽 소프트웨어 같은 도구로 취급하지만, 독자가 누가 그렸는지 오해할 수 있습니다.",
              },
              {
                label: "AI 없이 그린 책에 자율적인 ‘손그림 인증’ 마크 부여",
                description:
                  "아무것도 금지하지 않으면서 사람의 손길을 존중하지만, 증명 부담을 AI 사용자가 아닌 작가가 지게 됩니다.",
              },
            ],
          },
        ],
      },
      en: {
        title: "Whose Picture Is It? Generative AI and The Moon Rabbit Bakery",
        summary:
          "An AI image generator can now copy the style of a beloved picture-book series, and its maker wants to partner with the publisher. Decide what artists are owed, how AI work should be credited, and what the series' future looks like.",
        opening:
          "Bomnal Books, a small publisher with 40 employees, is best known for “The Moon Rabbit Bakery,” a picture-book series children have loved for eight years. Every page has been hand-painted in watercolor by the same freelance illustrator, whose soft, glowing style has become the face of the series.\n\n" +
          "Last year Muse Labs released Canvasia, an AI image generator trained on hundreds of millions of images collected from the internet — including, it turns out, every page of the series. Typing “in the style of The Moon Rabbit Bakery” now produces pictures most readers cannot tell apart from the real thing. Thousands of such images are being sold on mugs, stickers and phone cases.\n\n" +
          "Now Muse Labs has approached Bomnal with an offer: use Canvasia to produce four new books a year instead of one, pay the illustrator to supervise, and give the publisher a large upfront payment. Muse Labs also says it wants to build “a fair system for artists” in the future.\n\n" +
          "The law is unsettled. Courts in several countries are still deciding whether training AI on copyrighted works without permission is legal, and images made entirely by AI may not be protected by copyright at all. The children's book world is watching what Bomnal does next.",
        roles: [
          {
            name: "Picture-Book Illustrator",
            brief:
              "You have illustrated “The Moon Rabbit Bakery” by hand for eight years. You believe that training AI on your work without asking is taking your labor, and that “in the style of” prompts let others profit from your name. You care about consent, fair credit and pay, and the future of young illustrators who are just starting out.",
            privateBrief:
              "Your contract with Bomnal ends after the next book. The publisher owns the characters, and the contract says nothing clear about your painting style — meaning Bomnal could legally continue the series with AI and without you. You have also been quietly using Canvasia to sketch backgrounds, and it saved you weeks of work; if that comes out, your stand against AI could look hypocritical. A rival publisher has offered you a new series, but for a lower fee and with no guarantee it will sell.",
          },
          {
            name: "Product Lead, Muse Labs",
            brief:
              "You lead the development and operation of Canvasia at Muse Labs. You believe generative AI opens up creativity to people who never learned to draw, and that learning from publicly available images is similar to how human artists learn from one another. You care about innovation and your company's growth, and you have publicly promised to build a fair deal for artists.",
            privateBrief:
              "Muse Labs is raising new investment next month, and investors are nervous about copyright lawsuits. A deal with a respected publisher would reassure them, while admitting that training requires consent could expose the company to claims over its entire dataset. Your engineers have told you that removing one artist's influence from the current model is practically impossible without retraining from scratch, which would cost billions of won. You studied art yourself, and privately you feel uneasy about prompts that use living artists' names.",
          },
          {
            name: "Publisher, Bomnal Books",
            brief:
              "You run Bomnal Books. The children's book market is shrinking, and the livelihoods of your 40 employees depend on the company surviving. You care about making good books, keeping the trust of your authors and readers, and keeping the business alive.",
            privateBrief:
              "Bomnal is losing money, and its bank loan comes up for renewal in four months; Muse Labs' upfront payment would cover the shortfall. You have also just learned that the winner of this year's Bomnal Picture-Book Contest — already announced — created most of the illustrations with AI and didn't disclose it; the contest rules said nothing about AI. Two of your senior editors have said they will resign if the company “replaces artists with machines.”",
          },
        ],
        rounds: [
          {
            question:
              "Muse Labs offers to produce four new “Moon Rabbit Bakery” books a year with Canvasia. How should Bomnal respond?",
            options: [
              {
                label: "Accept: AI makes the images; the illustrator is paid and credited as art supervisor",
                description:
                  "Saves the company and gives readers more books, but turns the illustrator into a checker of machine work.",
              },
              {
                label: "Accept only for merchandise and marketing; the books stay hand-painted",
                description:
                  "Protects the books themselves while earning some income, but a smaller deal means Muse Labs will likely pay less.",
              },
              {
                label: "Decline: the series stays entirely hand-made",
                description:
                  "Keeps faith with the illustrator and many readers, but the company may not survive the loan renewal.",
              },
            ],
          },
          {
            question:
              "Should Canvasia users be able to type a living artist's name or a series title as a style prompt (for example, “in the style of …”)?",
            options: [
              {
                label: "Allow it only if the artist opts in and shares in the revenue; block it otherwise",
                description:
                  "Gives artists control over their own names, but is hard to enforce and restricts a common creative practice.",
              },
              {
                label: "Allow it: style isn't protected by copyright, and artists have always imitated each other",
                description:
                  "Keeps the tool open and simple, but lets others profit directly from an artist's reputation.",
              },
            ],
          },
          {
            question:
              "Canvasia was trained on millions of artworks, including the whole series, without permission. What does Muse Labs owe the artists whose work it used?",
            options: [
              {
                label: "Nothing for past training; offer an opt-out from future training",
                description:
                  "Lets the company keep operating, but puts the burden on artists and leaves past use uncompensated.",
              },
              {
                label: "An opt-out plus a shared compensation fund paid from revenue",
                description:
                  "Artists receive some payment, but deciding who gets how much will be difficult and disputed.",
              },
              {
                label: "Opt-in only: future models trained solely on licensed or consenting artists' work",
                description:
                  "Fully respects consent, but requires costly retraining and may produce a weaker tool.",
              },
              {
                label: "Wait for courts and lawmakers to decide, and continue as is until then",
                description:
                  "Avoids the company making up rules on its own, but artists' losses continue through years of legal uncertainty.",
              },
            ],
          },
          {
            question:
              "It turns out that this year's winner of the Bomnal Picture-Book Contest made most of the illustrations with AI and didn't say so. The rules never mentioned AI. What should happen?",
            options: [
              {
                label: "Keep the award, and add AI disclosure rules from next year",
                description:
                  "Fair to an entrant who broke no written rule, but other entrants who drew by hand may feel cheated.",
              },
              {
                label: "Keep the award, but publicly disclose the AI use and note it in the book",
                description:
                  "Transparent and respects the rules as written, but the book may face criticism from readers and artists.",
              },
              {
                label: "Withdraw the award and give it to the runner-up",
                description:
                  "Upholds what most entrants assumed the contest was about, but punishes someone after the fact for breaking no stated rule.",
              },
            ],
          },
          {
            question: "Finally, how should picture books made with AI help be labeled and credited for readers?",
            options: [
              {
                label: "A clear label on the cover, such as “Illustrations created with AI”",
                description:
                  "Readers and parents know exactly what they are buying, but the label may stigmatize books where AI played only a small role.",
              },
              {
                label: "Disclosure inside the book only, on the copyright page",
                description: "Honest without dominating the cover, but few readers will ever notice it.",
              },
              {
                label: "No label required; credit the person who directed the images as illustrator",
                description:
                  "Treats AI as a tool like a brush or graphics software, but readers may be misled about who made the art.",
              },
              {
                label: "A voluntary “hand-drawn” certification mark for books made without AI",
                description:
                  "Honors human craft without banning anything, but puts the burden of proof on artists rather than AI users.",
              },
            ],
          },
        ],
      },
    },
  },

  // ─────────────────────────────────────────────────────────────────────────────
  // 6. Classroom AI tutor
  // ─────────────────────────────────────────────────────────────────────────────
  {
    slug: "classroom-ai-tutor",
    content: {
      ko: {
        title: "지켜보는 튜터: 해밀중학교의 AI 학습 분석",
        summary:
          "무료로 도입한 AI 튜터가 해밀중학교의 수업 방식과, 학교가 학생 한 명 한 명에 대해 아는 것의 양을 바꿔 놓았습니다. 데이터 수집을 어디까지 허용할지, 예측을 어떻게 쓸지, 학생 데이터의 혜택은 누가 가져갈지 정해야 합니다.",
        opening:
          "2년 전 해밀중학교는 교육청 사업에 참여해 에듀테크 기업 스터디빔의 AI 튜터 ‘루미’를 3년간 무료로 쓰게 되었습니다. 학생들은 태블릿으로 루미를 이용해 수학과 읽기를 연습하고, 루미는 학생 수준에 맞춰 문제를 하나하나 조정합니다.\n\n" +
          "루미는 모든 것을 기록합니다. 학생이 어떤 답을 썼는지, 얼마나 망설였는지, 몇 번이나 지웠는지, 언제 포기했는지까지 남깁니다. 교사와 학부모는 대시보드로 학생별 진도를 확인할 수 있고, 알고리즘은 일부 학생에게 ‘학습 부진 위험’ 표시를 붙입니다. 루미를 쓰는 반의 수학 점수는 조금 올랐고, 많은 교사가 어려움을 겪는 학생을 일찍 알아차리는 데 도움이 된다고 말합니다.\n\n" +
          "이제 스터디빔은 새로운 ‘몰입도 분석’ 기능을 켜자고 제안합니다. 태블릿 카메라로 학생이 집중하고 있는지, 지루해하거나 헷갈리거나 답답해하는 표정인지 추정하는 기능입니다. 스터디빔은 또 비식별화한 학생 데이터로 새로운 유료 서비스를 개발하고 싶어 합니다.\n\n" +
          "우려의 목소리도 커지고 있습니다. 지난달 루미가 ‘위험’으로 표시한 14세 학생이 수학 기초반으로 옮겨졌고, 집에 와서 “컴퓨터는 내가 멍청하다고 생각해”라고 말했습니다. 일부 학부모는 정확히 어떤 데이터가 수집되고, 누가 보며, 누가 그것으로 돈을 버는지 묻고 있습니다.\n\n" +
          "무료 기간은 내년에 끝납니다. 학교는 앞으로 루미를 어떻게 쓸지 결정해야 합니다.",
        roles: [
          {
            name: "해밀중 수학 교사",
            brief:
              "해밀중학교에서 한 반에 28명 남짓한 다섯 학급의 수학을 가르치고 있습니다. 루미 덕분에 학생마다 수준에 맞는 문제를 줄 수 있고, 누가 어려워하는지도 알 수 있습니다. 하지만 학생들이 점수와 꼬리표로만 남을까 걱정합니다. 학생들의 배움과 행복, 그리고 아이들에 관한 결정은 소프트웨어가 아닌 교사가 내려야 한다는 점을 중요하게 여깁니다.",
            privateBrief:
              "교장은 이제 루미의 ‘학급 진도’ 수치를 교사 평가에 반영하고 있고, 당신의 학급들은 교육청 평균보다 낮습니다. 기능을 끄면 당신 학급의 성과는 더 나빠 보일 것입니다. 당신은 루미의 ‘위험’ 표시가 한국어를 읽는 속도가 느린 다문화 가정 학생들에게, 수학 과목에서조차 지나치게 많이 붙는다는 것을 눈치챘습니다. 그런데 솔직히 지난 학기 몰입도 분석 시범 운영 때 나온 데이터 덕분에, 완전히 놓치고 있던 조용한 학생이 힘들어하고 있다는 것을 알아차리기도 했습니다.",
          },
          {
            name: "학부모 대표",
            brief:
              "해밀중학교에 다니는 14세 자녀를 둔 학부모이자 학교운영위원회 학부모 위원입니다. 많은 학부모가 루미의 맞춤형 학습과 보고서를 반기지만, 수집되는 데이터의 양에 놀란 학부모도 있습니다. 아이들의 사생활, 공정성, 정서적 안정, 그리고 학부모가 실제로 결정에 참여하는 것을 중요하게 여깁니다.",
            privateBrief:
              "‘위험’ 표시를 받고 기초반으로 옮겨진 학생은 바로 당신의 아이입니다. 아이는 상처를 받았고 이제 루미를 쓰기 싫어합니다. 아이를 지키고 싶지만, 다른 학부모 위원들, 특히 성적이 좋은 자녀를 둔 위원들은 대시보드를 아주 좋아하며 매일 보고서와 더 많은 기능을 요구하고 있습니다. 또한 대부분의 학부모가 동의서를 제대로 읽지 않고 서명했으며, 그 동의서에 ‘서비스 개선 및 개발’을 위해 데이터를 쓸 수 있다는 포괄적인 조항이 들어 있다는 사실도 알게 되었습니다.",
          },
          {
            name: "스터디빔 교육사업 총괄",
            brief:
              "스터디빔에서 학교와의 협력 사업을 이끌고 있습니다. 교사 한 명이 28명을 가르치는 교실에서는 메우기 힘든 학습 격차를 AI 튜터가 줄일 수 있으며, 실제 교실 데이터가 있어야 모든 아이를 위한 더 나은 제품을 만들 수 있다고 믿습니다. 루미의 효과를 입증하는 것과 학교가 믿을 수 있는 회사로 성장하는 것을 중요하게 여깁니다.",
            privateBrief:
              "스터디빔이 루미를 3년간 무료로 제공한 것은 사업 모델이 두 가지에 달려 있기 때문입니다. 비식별화한 학생 데이터로 유료 프리미엄 상품을 개발하는 것, 그리고 무료 기간이 끝난 뒤 교육청 단위 라이선스를 판매하는 것입니다. 투자자들은 카메라 기반 몰입도 분석 기능이 이번 학기에 도입되기를 기대하고 있습니다. 그런데 회사 내부 연구에 따르면 감정 추정의 정확도는 약 60%에 불과하고, ‘위험’ 예측은 집에서 두 개 이상의 언어를 쓰는 학생들에게는 한 번도 검증된 적이 없습니다.",
          },
        ],
        rounds: [
          {
            question:
              "스터디빔이 카메라 기반 몰입도 분석 기능을 모든 학급에 켜자고 제안했습니다. 학교는 어떻게 결정해야 합니까?",
            options: [
              {
                label: "전 학급에 도입하되 결과는 교사만 열람",
                description:
                  "교사가 학생의 마음 상태를 새롭게 살필 수 있지만, 모든 학생이 수업 내내 카메라로 관찰됩니다.",
              },
              {
                label: "학부모와 학생이 모두 동의한 경우에만 사용",
                description:
                  "선택을 존중하지만, 동의하지 않은 학생이 눈에 띌 수 있고 데이터도 들쭉날쭉해집니다.",
              },
              {
                label: "한 학년에서 한 학기만 시범 운영하고 독립 평가",
                description:
                  "근거를 확인한 뒤 결정할 수 있지만, 그 학년 학생들은 실험 대상이 됩니다.",
              },
              {
                label: "카메라 분석은 전혀 사용하지 않음",
                description:
                  "학생들을 끊임없는 관찰에서 보호하지만, 힘들어하는 아이를 찾아낼 수도 있는 도구를 잃습니다.",
              },
            ],
          },
          {
            question:
              "루미가 ‘위험’으로 표시한 학생이 기초반으로 옮겨졌습니다. 학생에 관한 결정에서 루미의 예측은 어떻게 쓰여야 합니까?",
            options: [
              {
                label: "여러 참고 자료 중 하나로만, 결정은 교사가 하고 근거를 기록",
                description:
                  "데이터의 쓸모는 살리고 판단은 사람이 하지만, 바쁜 교사는 결국 표시를 그대로 따를 수 있습니다.",
              },
              {
                label: "추가 지원 제공에만 사용, 반 편성·성적·학교 기록에는 사용 금지",
                description:
                  "꼬리표가 학생을 따라다니지 않게 하지만, 학생에게 가장 잘 맞는 반을 찾는 데 도움이 될 정보를 버리게 됩니다.",
              },
              {
                label: "적극 활용: 데이터에 기반한 조기 개입이 학생의 빠른 회복에 도움",
                description:
                  "시스템의 장점을 최대한 살리지만, 예측의 오류와 편향이 아이들의 진로에 그대로 영향을 줍니다.",
              },
            ],
          },
          {
            question:
              "스터디빔이 해밀중 학생들의 비식별 데이터로 새로운 유료 서비스를 개발하려 합니다. 학부모가 서명한 동의서상으로는 가능합니다. 학교는 이에 동의해야 합니까?",
            options: [
              {
                label: "독립적인 데이터 감사와 교육청 할인을 조건으로 동의",
                description:
                  "더 나은 도구 개발을 돕고 학교 비용도 줄이지만, 학생들의 데이터가 제대로 된 이해 없이 상업적 자산이 됩니다.",
              },
              {
                label: "학부모와 학생에게 분명한 별도 동의를 새로 받지 않으면 거부",
                description:
                  "가정의 결정권을 존중하지만, 응답하는 가정이 적을 수 있고 스터디빔이 가격을 올리거나 철수할 수 있습니다.",
              },
            ],
          },
          {
            question:
              "학부모들 사이에서도 어디까지 봐야 하는지 의견이 갈립니다. 문제 풀이 시간, 실수, ‘위험’ 표시 같은 학생별 상세 데이터는 누가 볼 수 있어야 합니까?",
            options: [
              {
                label: "교사와 학생 본인만, 학부모는 월간 요약본",
                description:
                  "청소년에게 실수해도 괜찮은 사적 공간을 주지만, 돕고 싶은 학부모는 소외감을 느낄 수 있습니다.",
              },
              {
                label: "교사·학부모·학생 모두 전체 데이터를 실시간으로",
                description:
                  "가정에 최대한 투명하지만, 틀린 답 하나하나가 집에서의 압박으로 이어질 수 있습니다.",
              },
              {
                label: "만 14세 이상 학생이 안내를 받아 기본 요약 외 공개 범위를 직접 결정",
                description:
                  "자기 데이터에 대한 책임감을 길러 주지만, 어린 청소년에게 어려운 선택을 맡기게 됩니다.",
              },
            ],
          },
          {
            question: "무료 기간은 내년에 끝납니다. 루미의 앞날에 대해 학교는 교육청에 무엇을 권고해야 합니까?",
            options: [
              {
                label: "오늘 합의한 조건을 계약서에 넣어 스터디빔과 재계약",
                description:
                  "많은 학생과 교사가 좋아하는 도구를 지키지만, 데이터로 돈을 버는 회사에 학교가 계속 의존하게 됩니다.",
              },
              {
                label: "문제 풀이 기능만 남기고 분석·위험 표시·대시보드는 모두 끄기",
                description:
                  "데이터 수집을 크게 줄이면서 학습 효과는 유지하지만, 조기 경보 기능을 잃고 비용이 더 들 수 있습니다.",
              },
              {
                label: "루미를 단계적으로 중단하고 교육청과 공공·비영리 플랫폼 개발",
                description:
                  "학생 데이터를 공공의 관리 아래 두지만, 대체 시스템을 만드는 데 몇 년이 걸리고 기능도 부족할 수 있습니다.",
              },
            ],
          },
        ],
      },
      en: {
        title: "The Tutor That Watches: AI Learning Analytics at Haemil Middle School",
        summary:
          "A free AI tutor has changed how Haemil Middle School teaches — and how much the school knows about each student. Decide how far data collection should go, how its predictions should be used, and who should benefit from students' data.",
        opening:
          "Two years ago, Haemil Middle School joined a district program offering Lumi, an AI tutor made by the ed-tech company StudyBeam, free of charge for three years. Students use Lumi on tablets for math and reading practice, and it adapts each exercise to the student's level.\n\n" +
          "Lumi records everything: every answer, how long a student hesitates, how often they erase, and when they give up. A dashboard shows teachers and parents each student's progress, and an algorithm labels some students as “at risk of falling behind.” Math scores in Lumi classes have risen modestly, and many teachers say it helps them spot struggling students early.\n\n" +
          "Now StudyBeam wants to switch on a new “engagement analytics” feature. Using the tablet camera, it estimates whether a student is paying attention and whether they look bored, confused or frustrated. StudyBeam also wants to use de-identified student data to develop a new paid product.\n\n" +
          "Concerns are growing. Last month a 14-year-old flagged “at risk” by Lumi was moved to a slower math group and came home saying, “The computer thinks I'm stupid.” Some parents are asking exactly what data is collected, who can see it, and who profits from it.\n\n" +
          "The free period ends next year. The school must decide how to use Lumi from here on.",
        roles: [
          {
            name: "Haemil Math Teacher",
            brief:
              "You teach math to five classes of about 28 students each at Haemil Middle School. Lumi lets you give each student practice at the right level and shows you who is struggling. But you worry about students being reduced to scores and labels. You care about your students' learning and well-being, and about teachers — not software — making decisions about children.",
            privateBrief:
              "The principal now uses Lumi's “class progress” numbers in teacher evaluations, and your classes are below the district average; turning features off would make your classes look worse. You have noticed that Lumi's “at risk” flags fall disproportionately on students from multicultural families who read Korean more slowly — even in math. Yet, honestly, data from a trial of the engagement feature last term helped you notice a quiet student who was struggling and whom you had completely missed.",
          },
          {
            name: "Parent Representative",
            brief:
              "You are the parent of a 14-year-old at Haemil and a parent member of the school's governing council. Many parents like Lumi's personalized practice and reports, while others are alarmed by how much data it collects. You care about children's privacy, fairness and emotional well-being, and about parents having a real say.",
            privateBrief:
              "The student who was moved to the slower group after being flagged “at risk” is your own child. Your child was hurt and no longer wants to use Lumi. You want to protect your child, but other council members — especially those with high-achieving children — love the dashboard and are asking for daily reports and more features. You have also discovered that most parents signed the consent form without really reading it, and that it includes a broad permission to use data for “service improvement and development.”",
          },
          {
            name: "Education Partnerships Lead, StudyBeam",
            brief:
              "You lead StudyBeam's partnerships with schools. You believe AI tutoring can close learning gaps that one teacher with 28 students simply cannot, and that real classroom data is what makes the product better for every child. You care about proving Lumi's impact and growing a company that schools can trust.",
            privateBrief:
              "StudyBeam offered Lumi free for three years because its business model depends on two things: developing paid premium products from de-identified student data, and selling district-wide licenses once the free period ends. Your investors expect the camera-based engagement feature to roll out this semester. Yet your company's own internal research shows the emotion estimates are only about 60% accurate, and the “at risk” prediction has never been validated for students who speak more than one language at home.",
          },
        ],
        rounds: [
          {
            question:
              "StudyBeam proposes switching on the camera-based engagement analytics for all classes. What should the school decide?",
            options: [
              {
                label: "Turn it on for all classes, with results visible only to teachers",
                description:
                  "Gives teachers a new window into how students are feeling, but every student is watched by camera throughout lessons.",
              },
              {
                label: "Opt-in only: for students who agree, together with their parents",
                description:
                  "Respects choice, but students who opt out may stand out, and the data will be patchy.",
              },
              {
                label: "Run a one-semester pilot in a single grade, with an independent evaluation",
                description:
                  "Produces evidence before deciding, but that grade's students become test subjects.",
              },
              {
                label: "Do not use camera analytics at all",
                description:
                  "Protects students from constant observation, but teachers lose a tool that might help them find a struggling child.",
              },
            ],
          },
          {
            question:
              "A student was moved to a slower group after Lumi flagged them “at risk.” How should Lumi's predictions be used in decisions about students?",
            options: [
              {
                label: "As one input among many; teachers decide and must record their reasons",
                description:
                  "Keeps the data useful while leaving judgment to people, but a busy teacher may still just follow the flag.",
              },
              {
                label: "Only to offer extra help — never for grouping, grades or school records",
                description:
                  "Stops labels from following students around, but throws away information that might help place a student where they would learn best.",
              },
              {
                label: "Fully, because early data-driven intervention helps students catch up faster",
                description:
                  "Makes the most of the system's strengths, but errors and biases in the predictions directly shape children's paths.",
              },
            ],
          },
          {
            question:
              "StudyBeam wants to use de-identified data from Haemil students to develop a new paid product. The consent form parents signed technically allows it. Should the school agree?",
            options: [
              {
                label: "Agree, on condition of an independent data audit and a discount for the district",
                description:
                  "Supports better tools and lowers costs for the school, but students' data becomes a commercial asset without families really understanding it.",
              },
              {
                label: "Refuse without new, clear, separate consent from parents and students",
                description:
                  "Respects families' right to decide, but few may respond, and StudyBeam may raise prices or pull out.",
              },
            ],
          },
          {
            question:
              "Parents disagree about how much they should see. Who should have access to each student's detailed Lumi data — time on task, mistakes, “at risk” flags?",
            options: [
              {
                label: "Teachers and the student only; parents receive a monthly summary",
                description:
                  "Gives teenagers some private room to make mistakes, but parents who want to help may feel shut out.",
              },
              {
                label: "Teachers, parents and the student, in full and in real time",
                description:
                  "Maximizes transparency for families, but may turn every wrong answer into pressure at home.",
              },
              {
                label: "Students 14 and over decide, with guidance, what parents see beyond a summary",
                description:
                  "Builds students' responsibility for their own data, but places a difficult choice on young teenagers.",
              },
            ],
          },
          {
            question:
              "The free period ends next year. What should the school recommend to the district about Lumi's future?",
            options: [
              {
                label: "Renew with StudyBeam, writing the conditions agreed today into the contract",
                description:
                  "Keeps a tool many students and teachers value, but the school stays dependent on a company whose business runs on data.",
              },
              {
                label: "Keep only Lumi's practice exercises; switch off all analytics, flags and dashboards",
                description:
                  "Keeps the learning benefit with far less data collection, but loses the early-warning features and may cost more.",
              },
              {
                label: "Phase out Lumi and build a public, non-profit platform with the education office",
                description:
                  "Puts students' data under public control, but a replacement will take years and may be less capable.",
              },
            ],
          },
        ],
      },
    },
  },
];
