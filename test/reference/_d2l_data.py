"""Small inline stand-ins for d2l's downloads, the same text in test/tutorials/_d2l_data.ts: the opening of
H. G. Wells' The Time Machine (1895, public domain; d2l's timemachine.txt) and a few lines of the
tab-separated fra-eng pairs (d2l's fra.txt, from the Tatoeba project)."""

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
"""
