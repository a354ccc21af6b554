"""Small inline stand-ins for d2l's downloads, the same text in test/tutorials/_d2l_data.ts: the opening of
H. G. Wells' The Time Machine (1895, public domain; d2l's timemachine.txt) and a few lines of the
tab-separated fra-eng pairs (d2l's fra.txt, from the Tatoeba project; written after its first 20 pairs)
and a small synthetic stand-in for Kaggle's house prices (kaggle_house_pred_train.csv / _test.csv: a few of
its columns, numeric and categorical, some values missing)."""

TIME_MACHINE = """The Time Machine, by H. G. Wells [1898]




I


The Time Traveller (for so it will be convenient to speak of him)
was expounding a recondite matter to us. His grey eyes shone and
twinkled, and his usually pale face was flushed and animated. The
fire burned brightly, and the soft radiance of the incandescent
lights in the lilies of silver caught the bubbles that flashed and
passed in our glasses. Our chairs, being his patents, embraced and
caressed us rather than submitted to be sat upon, and there was that
luxurious after-dinner atmosphere when thought roams gracefully
free of the trammels of precision. And he put it to us in this
way--marking the points with a lean forefinger--as we sat and lazily
admired his earnestness over this new paradox (as we thought it)
and his fecundity.

'You must follow me carefully. I shall have to controvert one or two
ideas that are almost universally accepted. The geometry, for
instance, they taught you at school is founded on a misconception.'

'Is not that rather a large thing to expect us to begin upon?' said
Filby, an argumentative person with red hair.

'I do not mean to ask you to accept anything without reasonable
ground for it. You will soon admit as much as I need from you. You
know of course that a mathematical line, a line of thickness NIL,
has no real existence. They taught you that? Neither has a
mathematical plane. These things are mere abstractions.'
"""

FRA_ENG = """Go.\tVa !
Hi.\tSalut !
Run!\tCours\u202f!
Run!\tCourez\u202f!
Who?\tQui ?
Wow!\tÇa alors\u202f!
Fire!\tAu feu !
Help!\tÀ l'aide\u202f!
Jump.\tSaute.
Stop!\tÇa suffit\u202f!
Stop!\tStop\u202f!
Wait!\tAttends !
Wait!\tAttendez !
Go on.\tPoursuis.
I'm OK.\tJe vais bien.
I lost.\tJ'ai perdu.
I'm home.\tJe suis chez moi.
He's calm.\tIl est calme.
I'm fine.\tTout va bien.
Be calm.\tSois calme !
Be cool.\tSois détendu !
Be fair.\tSois juste !
Be kind.\tSois gentil.
Beat it.\tDégage !
Call me.\tAppelle-moi !
Come in.\tEntre.
Come on!\tAllez !
Get out!\tSors !
Go away!\tPars !
Go home.\tRentre à la maison.
Goodbye!\tAu revoir !
Hang on!\tTiens bon !
He came.\tIl est venu.
He runs.\tIl court.
Help me.\tAide-moi.
Hold on.\tTiens bon.
I agree.\tJe suis d'accord.
I'm sad.\tJe suis triste.
I'm shy.\tJe suis timide.
I'm wet.\tJe suis mouillé.
It's me.\tC'est moi.
Me, too.\tMoi aussi.
See you.\tÀ plus.
Thanks.\tMerci\u202f!
We try.\tOn essaye.
We won.\tNous avons gagné.
I'm sick.\tJe suis malade.
I'm cold.\tJ'ai froid.
He's sad.\tIl est triste.
I'm lost.\tJe suis perdu.
I lost it.\tJe l'ai perdu.
I'm calm.\tJe suis calme.
He's home.\tIl est chez lui.
I'm sad.\tJe suis triste.
"""

KAGGLE_HOUSE_TRAIN = """Id,MSSubClass,MSZoning,LotFrontage,LotArea,Street,YearBuilt,SalePrice
1,50,C (all),49,13779,Pave,1964,191902
2,20,,70,6486,Pave,2005,193445
3,20,RL,90,5812,Pave,1971,129123
4,50,RL,63,6688,Pave,1947,112189
5,70,RL,103,13711,Grvl,1959,211163
6,60,RM,71,6341,Grvl,1943,128842
7,50,RL,,11850,Grvl,1919,153944
8,60,,80,10572,Grvl,1974,191073
9,20,FV,48,5994,Grvl,1982,189628
10,120,FV,84,5369,Grvl,1921,99525
11,60,,56,9056,Grvl,1910,102350
12,60,FV,95,14014,Grvl,1945,207544
13,30,RM,69,5197,Pave,1933,99752
14,20,FV,80,7056,Pave,1958,175300
15,60,C (all),,11560,Pave,1926,154756
16,30,RL,,14286,Pave,1946,167359
17,20,C (all),,9132,Grvl,1960,145106
18,20,C (all),79,6407,Grvl,1994,163207
19,60,RM,66,13654,Pave,1997,241142
20,50,RL,73,13493,Pave,1945,173044
21,70,FV,64,8922,Pave,1925,157799
22,60,RL,75,12737,Grvl,1957,186102
23,50,,,12701,Pave,1961,206502
24,20,FV,50,6964,Pave,1961,152311
25,60,FV,,11485,Pave,1992,215090
26,30,RL,99,7394,Grvl,1984,167716
27,30,RM,,6683,Pave,1955,125730
28,30,,104,8940,Grvl,1933,146894
29,60,RL,85,12506,Grvl,2005,237424
30,30,RL,63,14970,,2002,231377
31,30,RL,81,13492,Grvl,2000,214889
32,70,,45,6601,Pave,1997,154260
33,60,RM,97,13325,Grvl,1964,190430
34,120,FV,65,12332,Pave,1950,202630
35,50,,49,8484,Pave,1999,177093
36,120,FV,,7248,Pave,1995,179652
37,60,RM,68,7645,Grvl,1943,137468
38,30,RL,42,10537,Grvl,1990,176481
39,60,FV,48,6848,Pave,1913,101993
40,50,RM,56,11918,Grvl,1951,161032
"""

KAGGLE_HOUSE_TEST = """Id,MSSubClass,MSZoning,LotFrontage,LotArea,Street,YearBuilt
41,70,C (all),51,9572,Pave,1954
42,50,RL,50,14964,Pave,1933
43,60,,93,9388,Pave,1967
44,20,FV,,8305,Grvl,1967
45,50,RM,42,9103,,1902
46,70,C (all),97,6741,Grvl,1984
47,70,C (all),79,8525,Grvl,1925
48,60,RL,41,6158,Grvl,1955
49,20,,104,9619,Grvl,1905
50,30,C (all),,10966,Grvl,1931
"""
